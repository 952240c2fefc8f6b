namespace MMFuse.Evaluation;

/// <summary>One train/test division: row indices (ascending) into the data set.</summary>
public sealed record Fold(int Repeat, int Index, int[] Train, int[] Test);
