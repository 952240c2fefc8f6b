using System.Security.Cryptography;
using System.Text;
using MMFuse.Features;

namespace MMFuse.Evaluation;

/// <summary>
/// The deployment where inputs go missing: in each test part, a share of the rows' modalities is marked absent
/// before predicting (training is untouched). Whether a row loses a modality depends only on the seed, the row and
/// the modality, never on the fold or the strategy, so every strategy is scored on the very same blanked rows. A row
/// never loses all of its present modalities: when the draws would empty it, one of its modalities, itself drawn,
/// stays (so a modality's realised share is a little below the one asked for).
/// </summary>
/// <param name="Shares">Modality name → share of test rows that lose it; the key <see cref="Every"/> applies to
/// every modality not named.</param>
/// <param name="Seed">The seed of the draws; the same seed blanks the same rows.</param>
public sealed record TestTimeMissing(IReadOnlyDictionary<string, double> Shares, int Seed)
{
    /// <summary>The key of <see cref="Shares"/> that applies to every modality without a key of its own.</summary>
    public const string Every = "*";

    /// <summary>The share of test rows that lose <paramref name="modality"/>: its own entry, else the
    /// <see cref="Every"/> one, else 0.</summary>
    public double ShareOf(string modality) => Shares.TryGetValue(modality, out var s) ? s : Shares.GetValueOrDefault(Every);

    /// <summary>Copies of <paramref name="blocks"/> with the drawn cells marked absent.</summary>
    /// <param name="blocks">The test part's feature blocks, one per modality.</param>
    /// <param name="rows">Each block row's index in the whole data set (the fold's test indices).</param>
    public IReadOnlyList<FeatureBlock> Apply(IReadOnlyList<FeatureBlock> blocks, IReadOnlyList<int> rows)
    {
        var present = blocks.Select(b => (bool[])b.Present.Clone()).ToArray();
        for (var r = 0; r < rows.Count; r++)
        {
            var before = Enumerable.Range(0, blocks.Count).Where(m => present[m][r]).ToArray();
            var kept = 0;
            for (var m = 0; m < blocks.Count; m++)
            {
                if (present[m][r] && Draw(rows[r], blocks[m].Modality) < ShareOf(blocks[m].Modality))
                    present[m][r] = false;
                kept += present[m][r] ? 1 : 0;
            }
            if (kept == 0 && before.Length > 0)
                present[before[(int)(Draw(rows[r], "\0restore") * before.Length)]][r] = true;
        }
        return blocks.Select((b, m) => b with { Present = present[m] }).ToArray();
    }

    /// <summary>A uniform draw in [0, 1) from (seed, row, modality) alone.</summary>
    private double Draw(int row, string modality)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{Seed}\n{row}\n{modality}"));
        return (BitConverter.ToUInt64(hash, 0) >> 11) * (1.0 / (1UL << 53));
    }
}
