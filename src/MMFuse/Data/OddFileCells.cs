namespace MMFuse.Data;

/// <summary>
/// Notes on the cells of an inferred image or audio column that are not file names of that kind. The majority gave
/// the column its role; these cells are checked as files like any other and follow the bad-row policy, and the note
/// says which rows they are so that the user can fix them rather than lose the modality without a word.
/// </summary>
public static class OddFileCells
{
    /// <summary>One note per image or audio column that has cells not named like files of its kind, listing their first
    /// rows.</summary>
    public static IReadOnlyList<string> Notes(DatasetSchema schema, IReadOnlyList<ColumnProfile> profiles)
    {
        var notes = new List<string>();
        foreach (var column in schema.Columns)
        {
            if (column.Reason.StartsWith("--", StringComparison.Ordinal))
                continue; // forced by the user: every cell is checked as a file anyway
            var profile = profiles[column.Index];
            var (files, rows) = column.Role switch
            {
                ColumnRole.Image => (profile.ImageFiles, profile.NotImageRows),
                ColumnRole.Audio => (profile.AudioFiles, profile.NotAudioRows),
                _ => (profile.NonEmpty, (IReadOnlyList<long>)[]),
            };
            var odd = profile.NonEmpty - files;
            if (odd == 0)
                continue;
            var kind = column.Role.Name();
            notes.Add($"column '{column.Name}' is read as {kind} because {files} of {profile.NonEmpty} values are {kind} file names; " +
                $"{odd} {(odd == 1 ? "is" : "are")} not ({Rows(rows, odd)}): checked as {kind} files, they follow DatasetOptions.BadRows");
        }
        return notes;
    }

    private static string Rows(IReadOnlyList<long> rows, long total)
    {
        if (rows.Count == 0)
            return $"{total} rows";
        var listed = (rows.Count == 1 ? "row " : "rows ") + string.Join(", ", rows);
        return total > rows.Count ? $"{listed} and {total - rows.Count} more" : listed;
    }
}
