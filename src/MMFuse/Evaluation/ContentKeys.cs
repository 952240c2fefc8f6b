using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MMFuse.Data.Leakage;
using MMFuse.Features.Extraction;

namespace MMFuse.Evaluation;

/// <summary>
/// What each row's image, audio and text cells contain, as small integers per column: equal numbers mean the same
/// file bytes (SHA-256) or the same text. Rows that share content and land on both sides of a fold let a model
/// score by recognising rather than generalising, so the learning commands count them per fold
/// (<see cref="FoldOverlap"/>) and <c>--dedupe</c> keeps only the first of each (<see cref="FirstOfEach"/>).
/// </summary>
public sealed class ContentKeys
{
    private const int Missing = -1;
    private readonly int[][] _keys;

    private ContentKeys(IReadOnlyList<string> columns, int[][] keys) => (Columns, _keys) = (columns, keys);

    /// <summary>Image, audio and text columns, in table order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The number of rows keyed.</summary>
    public int Rows => _keys.Length == 0 ? 0 : _keys[0].Length;

    /// <param name="table">The extracted table whose image, audio and text cells are keyed.</param>
    /// <param name="rows">Indices into the table's kept rows, as the learning data holds them.</param>
    public static ContentKeys Of(FeatureTable table, IReadOnlyList<int> rows)
    {
        var columns = table.Cells.Keys.ToList();
        var keys = columns.Select(c =>
        {
            var ids = new Dictionary<string, int>(StringComparer.Ordinal);
            var cells = table.Cells[c];
            return rows.Select(r => Digest(cells[r]) is { } digest
                ? ids.TryGetValue(digest, out var id) ? id : ids[digest] = ids.Count
                : Missing).ToArray();
        }).ToArray();
        return new ContentKeys(columns, keys);
    }

    /// <summary>The keys of the given <paramref name="rows"/> only, in that order.</summary>
    public ContentKeys Subset(IReadOnlyList<int> rows) =>
        new(Columns, _keys.Select(k => rows.Select(r => k[r]).ToArray()).ToArray());

    /// <summary>The rows to keep so that no two share any image, audio or text: the first row of each group of rows
    /// linked by shared content (ascending).</summary>
    public int[] FirstOfEach()
    {
        var seen = _keys.Select(_ => new HashSet<int>()).ToArray();
        var keep = new List<int>();
        for (var r = 0; r < Rows; r++)
        {
            var repeated = false;
            for (var c = 0; c < _keys.Length; c++)
                repeated |= _keys[c][r] != Missing && !seen[c].Add(_keys[c][r]);
            if (!repeated)
                keep.Add(r);
        }
        return keep.ToArray();
    }

    /// <summary>A warning when, in some fold, more than <paramref name="share"/> of the test rows share an image, audio
    /// clip or text with a training row; null otherwise.</summary>
    public DataWarning? FoldOverlap(IReadOnlyList<Fold> folds, double share = 0.02)
    {
        var perColumn = new long[_keys.Length];
        var (worstFold, worstRows, worstTests, total) = (0, 0, 0, 0L);
        foreach (var fold in folds)
        {
            var train = _keys.Select(k => fold.Train.Select(r => k[r]).Where(v => v != Missing).ToHashSet()).ToArray();
            var repeated = 0;
            foreach (var r in fold.Test)
            {
                var hit = false;
                for (var c = 0; c < _keys.Length; c++)
                {
                    if (_keys[c][r] == Missing || !train[c].Contains(_keys[c][r]))
                        continue;
                    hit = true;
                    perColumn[c]++;
                }
                repeated += hit ? 1 : 0;
            }
            total += repeated;
            if (fold.Test.Length > 0 && repeated / (double)fold.Test.Length > (worstTests == 0 ? 0 : worstRows / (double)worstTests))
                (worstFold, worstRows, worstTests) = (fold.Index + 1, repeated, fold.Test.Length);
        }
        if (worstTests == 0 || worstRows <= share * worstTests)
            return null;
        var column = Columns[Array.IndexOf(perColumn, perColumn.Max())];
        var percent = (worstRows / (double)worstTests).ToString("P1", CultureInfo.InvariantCulture);
        return new DataWarning(column, DataWarningKinds.DuplicateRows,
            $"in fold {worstFold}, {worstRows} of {worstTests} test rows ({percent}) have the same image, audio or text " +
            $"as a training row ({total} such test rows over all folds, most through '{column}'): they are recognised rather than predicted, " +
            "which inflates the scores; set DatasetOptions.Dedupe to keep only the first of each");
    }

    private static string? Digest(FeatureCell cell)
    {
        if (cell.Text is { } text)
            return "t" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.Trim())));
        if (cell.FilePath is not { } path || IO.RegularFile.Problem(path) is not null)
            return null; // never open a FIFO or device: it could block
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            return "f" + Convert.ToHexString(SHA256.HashData(stream));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // an unreadable file was already dealt with by the bad-row policy
        }
    }
}
