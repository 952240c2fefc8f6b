using MMFuse.Data;
using MMFuse.Learners;

namespace MMFuse.Tests.Learners;

/// <summary>Every built-in learner with options small enough for fast tests.</summary>
internal static class LearnerCases
{
    public static readonly string[] Names = ["logreg", "svm", "gbdt", "forest"];

    public static LearnerOptions? TestOptions(string name) => name switch
    {
        "gbdt" => new GbdtOptions(Iterations: 30, MinExamplesPerLeaf: 5),
        "forest" => new ForestOptions(Trees: 20, MinExamplesPerLeaf: 3),
        _ => null,
    };

    public static ILearner Create(string name, TaskKind task, int seed = 7) =>
        LearnerFactory.Create(name, task, seed, TestOptions(name));

    public static TheoryData<string, TaskKind> All()
    {
        var data = new TheoryData<string, TaskKind>();
        foreach (var name in Names)
            // A multilabel task never reaches a learner: BinaryRelevanceStrategy gives each label a binary one.
            foreach (var task in Enum.GetValues<TaskKind>().Where(t => t != TaskKind.Multilabel))
                data.Add(name, task);
        return data;
    }
}
