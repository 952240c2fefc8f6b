using MMFuse.Data;

namespace MMFuse.Learners;

/// <summary>What a saved ML.NET model needs besides the model zip to produce its output rows.</summary>
internal sealed record MlNetModelInfo(string Learner, TaskKind Task, int ClassCount, int FeatureCount);
