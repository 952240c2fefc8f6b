namespace MMFuse.Learners;

/// <summary>Options of <c>svm</c>: linear SVM (Pegasos, ML.NET <c>LinearSvm</c>) with Platt-calibrated
/// probabilities, one-versus-all for multiclass. ML.NET has no epsilon-insensitive linear regressor, so for
/// regression <c>svm</c> is averaged online gradient descent on squared loss (which takes no sample weights).
/// Features are standardised first.</summary>
/// <param name="Lambda">Pegasos regularisation (classification only: as an online-gradient-descent L2 term the same
/// value shrinks the regression fit badly, R² 0.78 against 0.995 on the test problem, so regression uses none and
/// relies on averaging).</param>
/// <param name="Iterations">Passes over the data (ML.NET's default of 1 under-fits).</param>
/// <param name="LearningRate">Regression only: online gradient descent step size.</param>
public sealed record SvmOptions(double Lambda = 1e-3, int Iterations = 20, double LearningRate = 0.05) : LearnerOptions;
