namespace MMFuse.Evaluation.MultiLabel;

/// <summary>
/// Multi-label stratified k-fold by iterative stratification (Sechidis, Tsoumakas and Vlahavas, 2011), as
/// scikit-multilearn's <c>IterativeStratification</c> does it: the label with the fewest rows still to place goes
/// first, each of its rows to the fold that most wants that label (then the fold that wants the most rows; then
/// chance). Rare labels are spread before common ones fill the folds, so every fold keeps each label's share far
/// better than a random split does. Rows without labels fill the folds that want the most rows.
/// </summary>
public static class IterativeStratification
{
    /// <summary>The fold (0..<paramref name="folds"/>-1) of each row; row order and ties are shuffled by <paramref name="rng"/>.</summary>
    public static int[] Assign(IReadOnlyList<bool[]> sets, int folds, Random rng)
    {
        var rows = sets.Count;
        if (folds < 2 || folds > rows)
            throw new ArgumentException($"{folds} folds for {rows} rows", nameof(folds));
        var labels = rows == 0 ? 0 : sets[0].Length;
        var wantRows = Enumerable.Repeat((double)rows / folds, folds).ToArray();
        var wantLabel = Enumerable.Range(0, labels)
            .Select(l => Enumerable.Repeat(sets.Count(s => s[l]) / (double)folds, folds).ToArray()).ToArray();
        var order = Enumerable.Range(0, rows).ToArray();
        rng.Shuffle(order);
        var fold = Enumerable.Repeat(-1, rows).ToArray();
        var left = Enumerable.Range(0, labels).Select(l => order.Where(i => sets[i][l]).ToList()).ToArray();
        while (true)
        {
            var label = Enumerable.Range(0, labels).Where(l => left[l].Count > 0).OrderBy(l => left[l].Count).ThenBy(l => l).DefaultIfEmpty(-1).First();
            if (label < 0)
                break;
            foreach (var row in left[label].ToList())
            {
                var best = Best(folds, f => (wantLabel[label][f], wantRows[f]), rng);
                Place(row, best, sets, fold, wantRows, wantLabel, left);
            }
        }
        foreach (var row in order.Where(i => fold[i] < 0))
            Place(row, Best(folds, f => (wantRows[f], 0), rng), sets, fold, wantRows, wantLabel, left);
        return fold;
    }

    /// <summary>The fold with the largest (first, second) want; a tie is broken by chance.</summary>
    private static int Best(int folds, Func<int, (double First, double Second)> want, Random rng)
    {
        var wants = Enumerable.Range(0, folds).Select(want).ToArray();
        var top = wants.Max();
        var tied = Enumerable.Range(0, folds).Where(f => wants[f] == top).ToArray();
        return tied.Length == 1 ? tied[0] : tied[rng.Next(tied.Length)];
    }

    private static void Place(int row, int f, IReadOnlyList<bool[]> sets, int[] fold, double[] wantRows, double[][] wantLabel, List<int>[] left)
    {
        fold[row] = f;
        wantRows[f]--;
        for (var l = 0; l < wantLabel.Length; l++)
        {
            if (!sets[row][l])
                continue;
            wantLabel[l][f]--;
            left[l].Remove(row);
        }
    }
}
