using Microsoft.ML;
using MMFuse.Data;

namespace MMFuse.Learners;

/// <summary>A learner backed by an ML.NET estimator chain. A fresh <see cref="MLContext"/> seeded with the
/// learner's seed is made per fit, so fitting twice gives identical models.</summary>
internal sealed class MlNetLearner : ILearner
{
    /// <summary>Builds the estimator: context, weight column name (null without weights), row count.</summary>
    public delegate IEstimator<ITransformer> Pipeline(MLContext ml, string? weightColumn, int rows);

    private readonly TaskKind _task;
    private readonly int _seed;
    private readonly Pipeline _pipeline;

    public MlNetLearner(string name, TaskKind task, int seed, Pipeline pipeline)
    {
        Name = name;
        _task = task;
        _seed = seed;
        _pipeline = pipeline;
    }

    public string Name { get; }

    public IPredictor Fit(LearnerData data)
    {
        LearnerDataChecks.Validate(data);
        if (data.Task != _task)
            throw new ArgumentException($"Learner '{Name}' was created for a {_task} task but the data is {data.Task}.", nameof(data));
        var ml = new MLContext(_seed);
        var view = MlNetData.Training(ml, data);
        var estimator = _pipeline(ml, data.Weights is null ? null : MlNetData.WeightColumn, data.Rows);
        var model = estimator.Fit(view);
        var classes = data.Task == TaskKind.Regression ? 0 : data.ClassCount;
        return new MlNetPredictor(ml, model, new MlNetModelInfo(Name, data.Task, classes, data.Columns));
    }
}
