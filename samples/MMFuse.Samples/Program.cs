// The whole job through the library: dotnet run --project samples/MMFuse.Samples -c Release [SAMPLES_FOLDER] [OUTPUT_FOLDER]
using MMFuse;

var samples = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "avdigits");
var output = Directory.CreateDirectory(args.Length > 1 ? args[1] : "sample-output").FullName;
var data = MultimodalDataset.Load(Path.Combine(samples, "avdigits.csv"), label: "digit");
var board = data.Compare([Strategies.Early(Learner.LogReg()), Strategies.Late(Learner.LogReg()), Strategies.Early(Learner.Mlp())], Split.StratifiedKFold(3));
foreach (var row in board.Rows)
    Console.WriteLine($"{row.Strategy.Name,-16} accuracy {row.MainMetric:F4}");
using var model = data.Train(board.Best);
model.Save(Path.Combine(output, "avdigits.mmf"));
using var loaded = MultimodalModel.Load(Path.Combine(output, "avdigits.mmf"));
var predictions = loaded.Predict(Path.Combine(samples, "avdigits.csv"));
predictions.WriteCsv(Path.Combine(output, "predictions.csv"));
Console.WriteLine($"best: {board.Best.Name}; predicted {predictions.Count} rows, first: {predictions[0].Id} → {predictions[0].Label}");
