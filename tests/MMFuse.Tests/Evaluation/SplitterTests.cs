using MMFuse.Data;
using MMFuse.Evaluation;

namespace MMFuse.Tests.Evaluation;

public sealed class SplitterTests
{
    private static readonly int[] Labels = Enumerable.Range(0, 97).Select(i => i % 7 == 0 ? 2 : i % 3 == 0 ? 1 : 0).ToArray();

    public static TheoryData<SplitKind, int> Kinds() => new()
    {
        { SplitKind.KFold, 1 }, { SplitKind.KFold, 3 }, { SplitKind.StratifiedKFold, 1 }, { SplitKind.StratifiedKFold, 2 },
        { SplitKind.GroupKFold, 2 }, { SplitKind.LeaveOneOut, 1 },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_row_is_tested_exactly_once_per_repeat(SplitKind kind, int repeats)
    {
        var groups = Enumerable.Range(0, Labels.Length).Select(i => "g" + i / 4).ToArray();
        var folds = Splitter.Split(new SplitSpec(kind, Folds: 4, Repeats: repeats, Seed: 3), Labels.Length, Labels, groups);

        Assert.Equal(repeats, folds.Select(f => f.Repeat).Distinct().Count());
        foreach (var repeat in folds.GroupBy(f => f.Repeat))
        {
            Assert.Equal(Enumerable.Range(0, Labels.Length), repeat.SelectMany(f => f.Test).Order());
            foreach (var f in repeat)
            {
                Assert.NotEmpty(f.Test);
                Assert.Equal(Enumerable.Range(0, Labels.Length), f.Train.Concat(f.Test).Order());
                Assert.Equal(f.Test.Order(), f.Test);
                Assert.Equal(f.Train.Order(), f.Train);
            }
        }
    }

    [Fact]
    public void Same_seed_same_folds_and_repeats_differ()
    {
        var spec = new SplitSpec(SplitKind.StratifiedKFold, Folds: 5, Repeats: 2, Seed: 42);
        var a = Splitter.Split(spec, Labels.Length, Labels);
        var b = Splitter.Split(spec, Labels.Length, Labels);
        Assert.Equal(a.Select(f => f.Test), b.Select(f => f.Test));
        Assert.NotEqual(a.Where(f => f.Repeat == 0).Select(f => f.Test), a.Where(f => f.Repeat == 1).Select(f => f.Test));
        Assert.NotEqual(a.Select(f => f.Test), Splitter.Split(spec with { Seed = 43 }, Labels.Length, Labels).Select(f => f.Test));
    }

    [Fact]
    public void Stratified_folds_keep_class_proportions()
    {
        foreach (var fold in Splitter.Split(new SplitSpec(SplitKind.StratifiedKFold, Folds: 5, Seed: 1), Labels.Length, Labels))
        {
            for (var c = 0; c < 3; c++)
            {
                var total = Labels.Count(y => y == c);
                var inTest = fold.Test.Count(i => Labels[i] == c);
                Assert.InRange(inTest, total / 5, (total + 4) / 5); // floor or ceil of an even share
            }
        }
    }

    [Fact]
    public void Group_folds_never_split_a_group_and_are_balanced()
    {
        var rng = new Random(5);
        var groups = Enumerable.Range(0, 200).Select(_ => "subject-" + rng.Next(40)).ToArray();
        var folds = Splitter.Split(new SplitSpec(SplitKind.GroupKFold, Folds: 5, Repeats: 2, Seed: 8), groups.Length, groups: groups);

        foreach (var f in folds)
        {
            var testGroups = f.Test.Select(i => groups[i]).ToHashSet();
            Assert.DoesNotContain(f.Train, i => testGroups.Contains(groups[i]));
            Assert.InRange(f.Test.Length, 200 / 5 - 8, 200 / 5 + 8);
        }
    }

    [Fact]
    public void Leave_one_out_tests_each_row_alone()
    {
        var folds = Splitter.Split(new SplitSpec(SplitKind.LeaveOneOut), 6);
        Assert.Equal(6, folds.Count);
        Assert.All(folds, f => Assert.Equal([f.Index], f.Test));
        Assert.All(folds, f => Assert.Equal(5, f.Train.Length));
    }

    [Fact]
    public void Holdout_takes_ceil_fraction_and_stratifies()
    {
        var fold = Assert.Single(Splitter.Split(new SplitSpec(SplitKind.Holdout, HoldoutFraction: 0.25, Seed: 2), Labels.Length, Labels));
        Assert.Equal(25, fold.Test.Length); // ceil(0.25 × 97)
        for (var c = 0; c < 3; c++)
        {
            var share = 25.0 * Labels.Count(y => y == c) / Labels.Length;
            Assert.InRange(fold.Test.Count(i => Labels[i] == c), Math.Floor(share), Math.Ceiling(share));
        }
        var plain = Assert.Single(Splitter.Split(new SplitSpec(SplitKind.Holdout, HoldoutFraction: 0.1), 30));
        Assert.Equal(3, plain.Test.Length);
    }

    [Fact]
    public void Impossible_requests_fail_clearly()
    {
        int[] tiny = [0, 0, 0, 1, 1, 1];
        Assert.Contains("6 rows", Assert.Throws<ArgumentException>(() => Splitter.Split(new SplitSpec(SplitKind.KFold, Folds: 7), 6)).Message);
        Assert.Contains("largest has 3", Assert.Throws<ArgumentException>(
            () => Splitter.Split(new SplitSpec(SplitKind.StratifiedKFold, Folds: 4), 6, tiny)).Message);
        // As scikit-learn: a class smaller than the fold count is allowed while another class fills every fold.
        int[] skewed = [0, 0, 0, 0, 0, 1, 1];
        Assert.Equal(5, Splitter.Split(new SplitSpec(SplitKind.StratifiedKFold, Folds: 5), 7, skewed).Count);
        Assert.Contains("distinct groups", Assert.Throws<ArgumentException>(
            () => Splitter.Split(new SplitSpec(SplitKind.GroupKFold, Folds: 3), 4, groups: ["a", "a", "b", "b"])).Message);
        Assert.Throws<ArgumentException>(() => Splitter.Split(new SplitSpec(SplitKind.StratifiedKFold), 6));
        Assert.Throws<ArgumentException>(() => Splitter.Split(new SplitSpec(SplitKind.LeaveOneOut, Repeats: 2), 6));
        Assert.Throws<ArgumentException>(() => Splitter.Split(new SplitSpec(SplitKind.Holdout, HoldoutFraction: 1), 6));
        Assert.Contains("2 rows of every class", Assert.Throws<ArgumentException>(
            () => Splitter.Split(new SplitSpec(SplitKind.Holdout), 5, [0, 0, 0, 0, 1])).Message);
    }

    [Fact]
    public void Spec_names_and_descriptions()
    {
        Assert.Equal(["holdout", "kfold", "stratified-kfold", "group-kfold", "loo", "logo"],
            Enum.GetValues<SplitKind>().Select(k => new SplitSpec(k).Name));
        Assert.Equal("stratified-kfold(folds=5, repeats=3, seed=42)", new SplitSpec(Repeats: 3, Seed: 42).Describe());
        Assert.Equal("holdout(fraction=0.2, repeats=1, seed=0)", new SplitSpec(SplitKind.Holdout).Describe());
        Assert.Equal("loo", new SplitSpec(SplitKind.LeaveOneOut).Describe());
        Assert.Equal("logo", new SplitSpec(SplitKind.LeaveOneGroupOut).Describe());
        Assert.Equal(SplitKind.GroupKFold, SplitSpec.ParseKind("group-kfold"));
        Assert.Contains("holdout, kfold", Assert.Throws<ArgumentException>(() => SplitSpec.ParseKind("bootstrap")).Message);
        Assert.Equal(SplitKind.KFold, SplitSpec.DefaultFor(TaskKind.Regression).Kind);
        Assert.Equal(SplitKind.StratifiedKFold, SplitSpec.DefaultFor(TaskKind.Multiclass).Kind);
    }
}
