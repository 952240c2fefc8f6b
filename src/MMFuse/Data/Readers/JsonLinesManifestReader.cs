using System.Text;
using System.Text.Json;

namespace MMFuse.Data.Readers;

/// <summary>
/// JSON Lines: one object per line. Rows may differ in their keys, so a first streaming pass collects
/// every key (in order of first appearance) and the second pass reads the records; a key a row lacks is missing.
/// Numbers keep their literal text so they parse later with the invariant culture; nested values keep their JSON.
/// </summary>
internal sealed class JsonLinesManifestReader : IManifestReader
{
    private readonly StreamReader _reader;
    private readonly Dictionary<string, int> _index;
    private long _line;
    private long _records;

    public JsonLinesManifestReader(Func<Stream> open)
    {
        var names = CollectKeys(open);
        if (names.Count == 0)
            throw new MMFuseInputException("the manifest is empty: no JSON object with fields was found");
        Columns = ColumnNames.FromHeader(names);
        _index = Columns.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        _reader = OpenText(open());
    }

    public IReadOnlyList<string> Columns { get; }

    public bool TryRead(out RawRow row)
    {
        row = null!;
        string? text;
        do
        {
            text = ReadLine();
            if (text is null)
                return false;
        } while (string.IsNullOrWhiteSpace(text));

        _records++;
        var values = new string?[Columns.Count];
        string? error = null;
        try
        {
            using var doc = JsonDocument.Parse(text);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                error = "is not a JSON object";
            else
                foreach (var property in doc.RootElement.EnumerateObject())
                    if (_index.TryGetValue(property.Name.Trim(), out var i))
                        values[i] = CellValue.Normalize(ToText(property.Value));
        }
        catch (JsonException ex)
        {
            error = "is not valid JSON: " + ex.Message;
        }
        row = new RawRow(_records, _line, values, error);
        return true;
    }

    private string? ReadLine()
    {
        try
        {
            var text = _reader.ReadLine();
            if (text is not null) _line++;
            return text;
        }
        catch (DecoderFallbackException)
        {
            throw Utf8Lines.NotUtf8(_reader, _line + 1);
        }
    }

    private static string? ToText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => value.GetRawText(),
        _ => value.GetRawText(),
    };

    private static List<string> CollectKeys(Func<Stream> open)
    {
        var names = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        using var reader = OpenText(open());
        long line = 0;
        while (true)
        {
            string? text;
            try { text = reader.ReadLine(); }
            catch (DecoderFallbackException) { throw Utf8Lines.NotUtf8(reader, line + 1); }
            if (text is null)
                break;
            line++;
            if (string.IsNullOrWhiteSpace(text))
                continue;
            try
            {
                using var doc = JsonDocument.Parse(text);
                if (doc.RootElement.ValueKind != JsonValueKind.Object)
                    continue; // reported with its row number by the reading pass
                foreach (var property in doc.RootElement.EnumerateObject())
                    if (seen.Add(property.Name.Trim()))
                        names.Add(property.Name.Trim());
            }
            catch (JsonException)
            {
                // reported with its row number by the reading pass
            }
        }
        return names;
    }

    private static StreamReader OpenText(Stream stream) =>
        new(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);

    public void Dispose() => _reader.Dispose();
}
