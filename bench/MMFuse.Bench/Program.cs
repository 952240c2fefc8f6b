using System.Text.Json;
using MMFuse.Bench;

// Benchmarks, two suites (see BenchSuite): bench/run-extraction.sh (extraction rows) and bench/run.sh (MMFuse against
// its peers), which build this in Release and pass the arguments.
//   MMFuse.Bench [--quick] [--suite extraction|peers] --datasets DIR --cli MMFuse.Cli.dll --mlnet-peer MlNetPeer.dll
//                [--features avdigits.parquet --python /usr/bin/python3 --peers bench/peers]
//                --results DIR --doc docs/benchmarks.md --command "..." [--rows images,text,...]
var arguments = BenchArguments.Parse(args);
var quick = arguments.Quick;
var suite = arguments.Suite;
var started = DateTime.UtcNow;
var log = Console.Out;
var data = new Datasets(arguments.Datasets);
var machine = MachineInfo.Capture();
var loadAtStart = MachineInfo.LoadAverage();
log.WriteLine($"{machine.Cpu}, {machine.Cores} cores, load {MachineInfo.LoadAverage()}; {suite.Id}, {(quick ? "quick" : "full")} run");

// At least 5 rounds per comparison (the machine is shared); 7 keeps the median steady where a round is cheap.
const int Rounds = 7;
const int SlowRounds = 5;
ExportedFeatures? exported = null;
ExportedFeatures Exported() => exported ??= ExportedFeatures.Load(arguments.RequireFeatures(), data.AvDigitsManifest);
var benches = new Dictionary<string, Func<RowResult>>
{
    ["images"] = () => new ImageBench(data, arguments.MlNetPeerDll, quick ? 200 : 1000, Rounds, log).Run(),
    ["text"] = () => new TextBench(data, quick ? 500 : 1906, Rounds, log).Run(),
    ["audio"] = () => new AudioBench(data, quick ? 200 : 1797, Rounds, log).Run(),
    ["cache"] = () => new CacheBench(data, quick ? 200 : 1797, Rounds, log).Run(),
    ["stacking"] = () => new StackingBench(Exported().Take(quick ? 300 : int.MaxValue), arguments.Python,
        arguments.PeerScript("sklearn_stacking.py"), SlowRounds, log).Run(),
    ["joint"] = () => new JointBench(Exported(), arguments.Python, arguments.PeerScript("torch_joint.py"), quick ? 5 : 20, Rounds, log).Run(),
    ["compare-cache"] = () => new CompareCacheBench(data, arguments.CliDll, quick ? 300 : 1797, SlowRounds, log).Run(),
    ["memory"] = () => new MemoryBench(arguments.CliDll, quick ? [2_000, 10_000] : [2_000, 10_000, 50_000], log).Run(),
};
var rows = new List<RowResult>();
foreach (var id in suite.Rows.Where(r => arguments.Rows is null || arguments.Rows.Contains(r)))
{
    log.WriteLine($"[{id}] load {MachineInfo.LoadAverage()}");
    var row = benches[id]();
    rows.Add(row);
    foreach (var check in row.Checks)
        log.WriteLine($"[{id}] {check.Name}: {check.Median:F3} (goal {check.GoalText}) {(check.Reached ? "reached" : "NOT reached")}");
}

var versions = suite == BenchSuite.Peers ? new[] { PythonVersions.Describe(arguments.Python) } : [];
Directory.CreateDirectory(arguments.Results);
var resultsFile = Path.Combine(arguments.Results, $"{suite.Id}-{started:yyyyMMdd-HHmmss}{(quick ? "-quick" : "")}.json");
var json = JsonSerializer.Serialize(new { started, mode = quick ? "quick" : "full", command = arguments.Command, machine, versions, rows },
    new JsonSerializerOptions { WriteIndented = true });
File.WriteAllText(resultsFile, json);
log.WriteLine($"wrote {resultsFile}");

if (arguments.Doc is { } doc)
{
    var shown = Path.Combine("bench", "results", Path.GetFileName(resultsFile));
    var section = MarkdownReport.Render(suite, machine, rows, arguments.Command, quick ? "quick" : "full", shown, started, loadAtStart,
        MachineInfo.LoadAverage(), versions);
    MarkdownReport.Splice(suite, doc, section, "# Benchmarks\n\nMeasured numbers, with the machine they came from. Regenerate a section with the script it names.\n");
    log.WriteLine($"updated {doc}");
}
