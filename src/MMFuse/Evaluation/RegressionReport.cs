namespace MMFuse.Evaluation;

/// <summary>Regression metrics of one set of predictions.</summary>
public sealed record RegressionReport(double Rmse, double Mae, double R2);
