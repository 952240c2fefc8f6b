using System.Text;

namespace MMFuse.Data.Readers;

/// <summary>
/// RFC 4180 reader for CSV and TSV: quoted fields may hold the delimiter, doubled quotes and newlines;
/// CRLF or LF line ends; UTF-8 with or without a byte-order mark. Blank lines are not records.
/// Reads one record at a time, so a large manifest is never held in memory.
/// </summary>
internal sealed class DelimitedManifestReader : IManifestReader
{
    private readonly StreamReader _reader;
    private readonly char _delimiter;
    private readonly StringBuilder _field = new();
    private readonly List<string?> _fields = [];
    private long _line = 1;
    private long _records;

    public DelimitedManifestReader(Stream stream, char delimiter)
    {
        _reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        _delimiter = delimiter;
        if (!ReadRecord(out _, out var error))
            throw new MMFuseInputException("the manifest is empty: it has no header line");
        if (error is not null)
            throw new MMFuseInputException($"the header line cannot be read: {error}");
        Columns = ColumnNames.FromHeader(_fields.Select(f => f ?? "").ToList());
    }

    public IReadOnlyList<string> Columns { get; }

    public bool TryRead(out RawRow row)
    {
        row = null!;
        if (!ReadRecord(out var startLine, out var error))
            return false;
        _records++;
        var values = new string?[Columns.Count];
        if (error is null && _fields.Count != Columns.Count)
            error = $"has {_fields.Count} fields but the header has {Columns.Count}";
        for (var i = 0; i < Math.Min(values.Length, _fields.Count); i++)
            values[i] = CellValue.Normalize(_fields[i]);
        row = new RawRow(_records, startLine, values, error);
        return true;
    }

    /// <summary>Reads the next non-blank record into <see cref="_fields"/>.</summary>
    private bool ReadRecord(out long startLine, out string? error)
    {
        error = null;
        while (true)
        {
            startLine = _line;
            _fields.Clear();
            _field.Clear();
            int c;
            try { c = _reader.Read(); }
            catch (DecoderFallbackException) { throw NotUtf8(); }
            if (c < 0)
                return false;
            if (c == '\n') { _line++; continue; }
            if (c == '\r') { if (_reader.Peek() == '\n') _reader.Read(); _line++; continue; }
            try
            {
                error = ParseFields(c);
            }
            catch (DecoderFallbackException) { throw NotUtf8(); }
            return true;
        }
    }

    private MMFuseInputException NotUtf8() => Utf8Lines.NotUtf8(_reader, _line);

    private string? ParseFields(int c)
    {
        var quoted = false;
        var wasQuoted = false;
        while (true)
        {
            if (c < 0)
            {
                if (quoted)
                {
                    _fields.Add(_field.ToString());
                    return "a quoted field is not closed before the end of the file";
                }
                EndField(wasQuoted);
                return null;
            }
            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (_reader.Peek() == '"') { _reader.Read(); _field.Append('"'); }
                    else quoted = false;
                }
                else
                {
                    if (ch == '\n') _line++;
                    _field.Append(ch);
                }
            }
            else if (ch == '"' && _field.Length == 0 && !wasQuoted)
            {
                quoted = wasQuoted = true;
            }
            else if (ch == _delimiter)
            {
                EndField(wasQuoted);
                wasQuoted = false;
            }
            else if (ch == '\n' || ch == '\r')
            {
                if (ch == '\r' && _reader.Peek() == '\n') _reader.Read();
                _line++;
                EndField(wasQuoted);
                return null;
            }
            else
            {
                _field.Append(ch);
            }
            c = _reader.Read();
        }
    }

    private void EndField(bool wasQuoted)
    {
        // A quoted empty field ("") is an empty string; an unquoted empty one is missing. Both normalise to null later.
        _fields.Add(_field.Length == 0 && !wasQuoted ? null : _field.ToString());
        _field.Clear();
    }

    public void Dispose() => _reader.Dispose();
}
