using System.Collections.Concurrent;
using MMFuse.Data;

namespace MMFuse.Learners;

/// <summary>Creates learners by CLI name. The built-in ML.NET learners are registered here; other learners
/// (the TorchSharp <c>mlp</c>) plug in through <see cref="Register"/>, e.g. from a module initializer.</summary>
public static class LearnerFactory
{
    /// <summary>Makes a learner for a task. <c>options</c> is null (defaults) or the learner's own options record.</summary>
    public delegate ILearner Creator(TaskKind task, int seed, LearnerOptions? options);

    private static readonly ConcurrentDictionary<string, Creator> Creators = new(StringComparer.Ordinal)
    {
        ["logreg"] = (task, seed, o) =>
        {
            var options = OptionsAs("logreg", o, new LogRegOptions());
            return new MlNetLearner("logreg", task, seed, (ml, w, rows) => MlNetPipelines.LogReg(ml, task, options, w, rows));
        },
        ["svm"] = (task, seed, o) =>
        {
            var options = OptionsAs("svm", o, new SvmOptions());
            return new MlNetLearner("svm", task, seed, (ml, w, _) => MlNetPipelines.Svm(ml, task, options, w));
        },
        ["gbdt"] = (task, seed, o) =>
        {
            var options = OptionsAs("gbdt", o, new GbdtOptions());
            return new MlNetLearner("gbdt", task, seed, (ml, w, _) => MlNetPipelines.Gbdt(ml, task, options, w, seed));
        },
        ["forest"] = (task, seed, o) =>
        {
            var options = OptionsAs("forest", o, new ForestOptions());
            return new MlNetLearner("forest", task, seed, (ml, w, _) => MlNetPipelines.Forest(ml, task, options, w, seed));
        },
        ["mlp"] = (task, seed, o) =>
        {
            var options = OptionsAs("mlp", o, new Torch.MlpOptions());
            return new Torch.MlpLearner(options with { Training = options.ResolvedTraining with { Seed = seed } });
        },
    };

    /// <summary>Registered learner names, sorted.</summary>
    public static IReadOnlyList<string> Names => Creators.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>Adds (or replaces) a learner name.</summary>
    public static void Register(string name, Creator creator)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(creator);
        Creators[name] = creator;
    }

    /// <summary>A new learner <paramref name="name"/> for <paramref name="task"/>, seeded with <paramref name="seed"/>;
    /// <paramref name="options"/> must be that learner's options record (e.g. <see cref="LogRegOptions"/>) or null for
    /// its defaults.</summary>
    public static ILearner Create(string name, TaskKind task, int seed = 0, LearnerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!Creators.TryGetValue(name, out var creator))
            throw new ArgumentException($"Unknown learner '{name}'. Valid learners: {string.Join(", ", Names)}.", nameof(name));
        if (!Enum.IsDefined(task))
            throw new ArgumentOutOfRangeException(nameof(task), task, "Unknown task.");
        return creator(task, seed, options);
    }

    /// <summary>Casts a learner's options, failing early (at creation, not at fit) on the wrong record type.</summary>
    public static T OptionsAs<T>(string learner, LearnerOptions? options, T defaults) where T : LearnerOptions => options switch
    {
        null => defaults,
        T typed => typed,
        _ => throw new ArgumentException(
            $"Learner '{learner}' takes {typeof(T).Name}, not {options.GetType().Name}.", nameof(options)),
    };
}
