namespace MMFuse.Evaluation;

/// <summary>Assigns each row a test-fold number (holdout: 0 = test, -1 = train). All randomness comes from the
/// <see cref="Random"/> passed in, so a seed fixes the result.</summary>
internal static class FoldAssignment
{
    /// <summary>scikit-learn KFold(shuffle=True): shuffle, then consecutive blocks; the first n % k folds get one extra row.</summary>
    public static int[] KFold(int rows, int folds, Random rng)
    {
        if (folds > rows)
            throw new ArgumentException($"Cannot make {folds} folds from {rows} rows.");
        var order = Enumerable.Range(0, rows).ToArray();
        rng.Shuffle(order);
        var fold = new int[rows];
        var position = 0;
        for (var f = 0; f < folds; f++)
        {
            var size = rows / folds + (f < rows % folds ? 1 : 0);
            for (var j = 0; j < size; j++)
                fold[order[position++]] = f;
        }
        return fold;
    }

    /// <summary>scikit-learn StratifiedKFold(shuffle=True): classes are numbered by first appearance, the sorted label
    /// sequence is dealt round-robin to the folds to fix how many rows of each class each fold tests, and each class's
    /// fold numbers are then shuffled over its rows. As in scikit-learn it fails only when every class has fewer
    /// members than folds; a class smaller than the fold count is simply missing from some test folds.</summary>
    public static int[] StratifiedKFold(IReadOnlyList<int> labels, int folds, Random rng)
    {
        var rows = labels.Count;
        if (folds > rows)
            throw new ArgumentException($"Cannot make {folds} folds from {rows} rows.");
        var encoded = EncodeByFirstAppearance(labels, out var classCount);
        var counts = new int[classCount];
        foreach (var c in encoded)
            counts[c]++;
        if (counts.All(n => n < folds))
            throw new ArgumentException(
                $"Stratified {folds}-fold needs at least one class with {folds} or more rows; the largest has {counts.Max()}.");

        var sorted = encoded.Order().ToArray();
        var allocation = new int[folds, classCount];
        for (var i = 0; i < rows; i++)
            allocation[i % folds, sorted[i]]++;

        var fold = new int[rows];
        for (var c = 0; c < classCount; c++)
        {
            var foldsForClass = new List<int>(counts[c]);
            for (var f = 0; f < folds; f++)
                foldsForClass.AddRange(Enumerable.Repeat(f, allocation[f, c]));
            var shuffled = foldsForClass.ToArray();
            rng.Shuffle(shuffled);
            var next = 0;
            for (var i = 0; i < rows; i++)
            {
                if (encoded[i] == c)
                    fold[i] = shuffled[next++];
            }
        }
        return fold;
    }

    /// <summary>Whole groups go to folds: groups in a seeded random order, stably sorted by size (largest first), each
    /// placed in the fold with the fewest rows so far (as scikit-learn's GroupKFold, plus the seeded tie order).</summary>
    public static int[] GroupKFold(IReadOnlyList<string> groups, int folds, Random rng)
    {
        var encoded = EncodeByFirstAppearance(groups, out var groupCount);
        if (folds > groupCount)
            throw new ArgumentException($"Cannot make {folds} group folds from {groupCount} distinct groups.");
        var sizes = new int[groupCount];
        foreach (var g in encoded)
            sizes[g]++;
        var order = Enumerable.Range(0, groupCount).ToArray();
        rng.Shuffle(order);
        var bySize = order.OrderByDescending(g => sizes[g]).ToArray(); // OrderBy is stable
        var foldOfGroup = new int[groupCount];
        var foldRows = new int[folds];
        foreach (var g in bySize)
        {
            var lightest = 0;
            for (var f = 1; f < folds; f++)
            {
                if (foldRows[f] < foldRows[lightest])
                    lightest = f;
            }
            foldOfGroup[g] = lightest;
            foldRows[lightest] += sizes[g];
        }
        return encoded.Select(g => foldOfGroup[g]).ToArray();
    }

    /// <summary>Holdout: ceil(fraction × rows) test rows, as scikit-learn's train_test_split. With labels the test rows
    /// are allocated to classes by largest remainder of their share (ties to the larger, then earlier class) and each
    /// class needs 2 rows, as scikit-learn's stratified split demands.</summary>
    public static int[] Holdout(int rows, double fraction, IReadOnlyList<int>? labels, Random rng)
    {
        var testRows = (int)Math.Ceiling(fraction * rows);
        if (testRows < 1 || testRows >= rows)
            throw new ArgumentException($"A holdout fraction of {fraction} of {rows} rows leaves no train or no test rows.");
        var fold = new int[rows];
        Array.Fill(fold, -1);
        if (labels is null)
        {
            var order = Enumerable.Range(0, rows).ToArray();
            rng.Shuffle(order);
            foreach (var i in order.Take(testRows))
                fold[i] = 0;
            return fold;
        }

        var encoded = EncodeByFirstAppearance(labels, out var classCount);
        var members = Enumerable.Range(0, classCount).Select(_ => new List<int>()).ToArray();
        for (var i = 0; i < rows; i++)
            members[encoded[i]].Add(i);
        if (members.Min(m => m.Count) < 2)
            throw new ArgumentException("Stratified holdout needs at least 2 rows of every class (as scikit-learn).");
        if (testRows < classCount)
            throw new ArgumentException($"Stratified holdout needs at least {classCount} test rows (one per class), got {testRows}.");
        foreach (var (c, take) in Allocate(members.Select(m => m.Count).ToArray(), testRows))
        {
            var rowsOfClass = members[c].ToArray();
            rng.Shuffle(rowsOfClass);
            foreach (var i in rowsOfClass.Take(take))
                fold[i] = 0;
        }
        return fold;
    }

    private static IEnumerable<(int Class, int Take)> Allocate(int[] counts, int total)
    {
        var rows = counts.Sum();
        var share = counts.Select(n => (double)n * total / rows).ToArray();
        var take = share.Select(s => (int)Math.Floor(s)).ToArray();
        var left = total - take.Sum();
        var byRemainder = Enumerable.Range(0, counts.Length)
            .OrderByDescending(c => share[c] - take[c]).ThenByDescending(c => counts[c]).ThenBy(c => c);
        foreach (var c in byRemainder.Take(left))
            take[c]++;
        return take.Select((t, c) => (c, t));
    }

    private static int[] EncodeByFirstAppearance<T>(IReadOnlyList<T> values, out int distinct) where T : notnull
    {
        var codes = new Dictionary<T, int>();
        var encoded = new int[values.Count];
        for (var i = 0; i < encoded.Length; i++)
        {
            if (!codes.TryGetValue(values[i], out var code))
                codes[values[i]] = code = codes.Count;
            encoded[i] = code;
        }
        distinct = codes.Count;
        return encoded;
    }
}
