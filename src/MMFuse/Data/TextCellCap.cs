using MMFuse.Data.Readers;

namespace MMFuse.Data;

/// <summary>
/// Cuts text cells to <see cref="SchemaOptions.MaxTextChars"/> characters before anything featurises them: tf-idf's
/// character n-grams over one 10 MB cell take tens of seconds and gigabytes, and MiniLM reads only its first 256
/// tokens anyway. Every cut is counted per column and said in a note, never silent.
/// </summary>
internal sealed class TextCellCap(DatasetSchema schema, int maxChars)
{
    private readonly ColumnSchema[] _textColumns = schema.Columns.Where(c => c.Role == ColumnRole.Text).ToArray();
    private readonly Dictionary<string, (long Count, long FirstRow)> _cut = new(StringComparer.Ordinal);

    public void Apply(RawRow row)
    {
        foreach (var column in _textColumns)
        {
            if (row.Values[column.Index] is not { } text || text.Length <= maxChars)
                continue;
            // Never split a surrogate pair: half a character is not valid text.
            var keep = char.IsHighSurrogate(text[maxChars - 1]) ? maxChars - 1 : maxChars;
            row.Values[column.Index] = text[..keep];
            var seen = _cut.GetValueOrDefault(column.Name, (0, row.Number));
            _cut[column.Name] = (seen.Count + 1, seen.FirstRow);
        }
    }

    public IEnumerable<string> Notes() => _cut.Select(kv =>
        $"column '{kv.Key}': {kv.Value.Count} text cell(s) longer than {maxChars} characters were cut to that length " +
        $"(first at row {kv.Value.FirstRow}); DatasetOptions.MaxTextChars sets the cap");
}
