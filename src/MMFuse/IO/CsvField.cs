namespace MMFuse.IO;

/// <summary>RFC 4180 quoting for one CSV field: quoted only when it holds a comma, quote or line break.</summary>
public static class CsvField
{
    public static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) < 0 ? field : "\"" + field.Replace("\"", "\"\"") + "\"";
}
