using MMFuse.Data;
using MMFuse.Fusion;

namespace MMFuse.Evaluation.ModelSelection;

/// <summary>
/// Greedy ensemble selection with replacement (Caruana, Niculescu-Mizil, Crew and Ksikes, "Ensemble Selection from
/// Libraries of Models", ICML 2004): start empty; each round add the candidate — possibly one already in — whose
/// addition gives the equal-weight average of the picks the best out-of-fold score; keep the best prefix of the rounds.
/// Round one picks the best single candidate, so the chosen ensemble's out-of-fold score is never below it. The score
/// is the main metric (accuracy, ties broken by lower log-loss; RMSE for regression), ties between candidates go to
/// the earlier one, so the choice is deterministic.
/// </summary>
public static class EnsembleSelection
{
    /// <summary>Selects from <paramref name="candidates"/> by their <paramref name="predictions"/> (per candidate, per
    /// row; the same rows in the same order for every candidate) of <paramref name="targets"/>.</summary>
    public static EnsembleChoice Select(IReadOnlyList<IFusionStrategy> candidates, IReadOnlyList<float[][]> predictions, IReadOnlyList<float> targets,
        TaskKind task, int rounds)
    {
        if (candidates.Count == 0 || candidates.Count != predictions.Count)
            throw new ArgumentException($"{predictions.Count} prediction sets for {candidates.Count} candidates.", nameof(predictions));
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        var rows = targets.Count;
        var width = predictions[0].Length == 0 ? 1 : predictions[0][0].Length;
        var sum = Enumerable.Range(0, rows).Select(_ => new double[width]).ToArray();
        var picks = new List<int>();
        var history = new List<(double Main, double Tie)>();
        for (var round = 1; round <= rounds; round++)
        {
            var best = -1;
            (double Main, double Tie) bestScore = default;
            for (var c = 0; c < candidates.Count; c++)
            {
                var score = Score(Averaged(sum, predictions[c], round), targets, task);
                if (best < 0 || Better(score, bestScore))
                    (best, bestScore) = (c, score);
            }
            picks.Add(best);
            history.Add(bestScore);
            for (var r = 0; r < rows; r++)
                for (var k = 0; k < width; k++)
                    sum[r][k] += predictions[best][r][k];
        }
        var keep = 0;
        for (var k = 1; k < history.Count; k++)
            if (Better(history[k], history[keep]))
                keep = k;
        var counts = new int[candidates.Count];
        foreach (var pick in picks.Take(keep + 1))
            counts[pick]++;
        var singles = Enumerable.Range(0, candidates.Count).Select(c => Score(predictions[c], targets, task)).ToArray();
        var bestSingle = Enumerable.Range(0, candidates.Count).Aggregate((a, b) => Better(singles[b], singles[a]) ? b : a);
        var members = Enumerable.Range(0, candidates.Count).SelectMany(c => Enumerable.Repeat(candidates[c], counts[c])).ToArray();
        var chosen = members.Distinct(ReferenceEqualityComparer.Instance).Count() == 1
            ? members[0]
            : new EnsembleStrategy(Name(candidates, counts), members);
        // The reported score is the one the chosen strategy's predictions get, averaged as the ensemble averages them.
        var averaged = chosen is not EnsembleStrategy ? predictions[Array.FindIndex(counts, c => c > 0)]
            : EnsembleStrategy.Average(Enumerable.Range(0, candidates.Count).SelectMany(c => Enumerable.Repeat(predictions[c], counts[c])).ToArray());
        var weights = Enumerable.Range(0, candidates.Count).Where(c => counts[c] > 0)
            .Select(c => new EnsembleWeight(candidates[c], counts[c] / (double)(keep + 1))).ToArray();
        double Plain(double oriented) => task == TaskKind.Regression ? -oriented : oriented;
        return new EnsembleChoice(chosen, weights, Plain(Score(averaged, targets, task).Main), candidates[bestSingle], Plain(singles[bestSingle].Main),
            history.Select(h => Plain(h.Main)).ToArray());
    }

    /// <summary>A readable name for the ensemble: its members with their picks, e.g. <c>selected[early/logreg×2+late/gbdt]</c>.</summary>
    private static string Name(IReadOnlyList<IFusionStrategy> candidates, int[] counts) =>
        "selected[" + string.Join("+", Enumerable.Range(0, candidates.Count).Where(c => counts[c] > 0)
            .Select(c => counts[c] == 1 ? candidates[c].Name : $"{candidates[c].Name}×{counts[c]}")) + "]";

    private static float[][] Averaged(double[][] sum, float[][] added, int count)
    {
        var result = new float[sum.Length][];
        for (var r = 0; r < sum.Length; r++)
        {
            result[r] = new float[sum[r].Length];
            for (var k = 0; k < sum[r].Length; k++)
                result[r][k] = (float)((sum[r][k] + added[r][k]) / count);
        }
        return result;
    }

    /// <summary>(main metric oriented so larger is better, tie-breaker oriented the same way).</summary>
    private static (double Main, double Tie) Score(float[][] predictions, IReadOnlyList<float> targets, TaskKind task)
    {
        if (task == TaskKind.Regression)
        {
            var rmse = RegressionMetrics.Compute(predictions.Select(p => p[0]).ToArray(), targets).Rmse;
            return (-rmse, 0);
        }
        var labels = targets.Select(t => (int)t).ToArray();
        return (ClassificationMetrics.Accuracy(labels, ClassificationMetrics.PredictedClasses(predictions)), -ClassificationMetrics.LogLoss(predictions, labels));
    }

    private static bool Better((double Main, double Tie) a, (double Main, double Tie) b) =>
        a.Main > b.Main || (a.Main == b.Main && a.Tie > b.Tie);
}
