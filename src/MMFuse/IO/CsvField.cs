using System.Text.RegularExpressions;

namespace MMFuse.IO;

/// <summary>
/// One text cell of a CSV file MMFuse writes (ids, labels, class names, columns, reasons). Spreadsheets run a cell
/// that starts with =, +, -, @, tab or carriage return as a formula, so, as OWASP advises, such a cell gets a leading
/// single quote; then RFC 4180 quoting when it holds a comma, quote or line break. A cell that is just a number
/// (a label such as -1) cannot carry a formula and stays as it is. Numeric values (probabilities, regression
/// predictions) are not text cells and are written without this.
/// </summary>
public static partial class CsvField
{
    /// <summary><paramref name="field"/> ready for a CSV cell: a leading <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or
    /// carriage return gets a <c>'</c> (unless the field is a plain number), then quotes are added when
    /// needed.</summary>
    public static string Text(string field)
    {
        var neutral = field.Length > 0 && "=+-@\t\r".Contains(field[0]) && !PlainNumber().IsMatch(field) ? "'" + field : field;
        return neutral.IndexOfAny([',', '"', '\n', '\r']) < 0 ? neutral : "\"" + neutral.Replace("\"", "\"\"") + "\"";
    }

    [GeneratedRegex(@"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainNumber();
}
