namespace MMFuse.Learners;

/// <summary>Options of <c>logreg</c>: L-BFGS multinomial/binary logistic regression; for regression an
/// L2-regularised linear model trained with SDCA (squared loss). Features are standardised first.</summary>
/// <param name="L2">L2 penalty (ML.NET scale: added to the summed, not averaged, loss).</param>
/// <param name="L1">L1 penalty; 0 keeps the objective smooth.</param>
/// <param name="MaxIterations">Upper bound on L-BFGS (or SDCA) iterations.</param>
/// <param name="Tolerance">L-BFGS relative tolerance on the objective.</param>
public sealed record LogRegOptions(double L2 = 1.0, double L1 = 0.0, int MaxIterations = 200, double Tolerance = 1e-7)
    : LearnerOptions;
