namespace MMFuse.Data;

/// <summary>What is being predicted: inferred from the label column, overridable with <c>--task</c>.</summary>
public enum TaskKind
{
    Binary,
    Multiclass,
    Regression,
}
