using System.Text;
using System.Text.RegularExpressions;

namespace MMFuse.Bundle;

/// <summary>The names a model file's entries may have. Payload names are relative paths of letters, digits, '.', '_'
/// and '-' separated by '/', no segment starting with '.', so no name is absolute, climbs with "..", uses '\' or
/// reaches outside a folder the file is unpacked into. Both the writer and the reader hold files to this.</summary>
internal static partial class EntryNames
{
    public const string Manifest = "model.json";
    public const string Integrity = "integrity.json";
    private const int ShownLength = 80;

    public static bool IsPayloadName(string name) => PayloadName().IsMatch(name) && !IsReserved(name);

    /// <summary>The manifest's and the integrity entry's names, case-insensitively (the file may be unpacked on a
    /// case-insensitive file system).</summary>
    public static bool IsReserved(string name) =>
        string.Equals(name, Manifest, StringComparison.OrdinalIgnoreCase) || string.Equals(name, Integrity, StringComparison.OrdinalIgnoreCase);

    /// <summary>A name fit for an error message: control and non-ASCII characters shown as '?', at most 80 characters,
    /// so a hostile name cannot garble the terminal or flood the message.</summary>
    public static string Shown(string name)
    {
        var shown = new StringBuilder(Math.Min(name.Length, ShownLength) + 1);
        foreach (var c in name.Length > ShownLength ? name[..ShownLength] : name)
            shown.Append(c is >= ' ' and <= '~' ? c : '?');
        return name.Length > ShownLength ? shown.Append('…').ToString() : shown.ToString();
    }

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9._-]*(/[A-Za-z0-9_][A-Za-z0-9._-]*)*$")]
    private static partial Regex PayloadName();
}
