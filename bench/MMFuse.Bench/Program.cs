using System.Text.Json;
using MMFuse.Bench;

// Feature-extraction benchmark: see bench/run-extraction.sh (which builds this in Release and passes the arguments).
//   MMFuse.Bench [--quick] --datasets DIR --cli MMFuse.Cli.dll --mlnet-peer MlNetPeer.dll --results DIR --doc docs/benchmarks.md --command "..." [--rows images,text,...]
var arguments = BenchArguments.Parse(args);
var quick = arguments.Quick;
var started = DateTime.UtcNow;
var log = Console.Out;
var data = new Datasets(arguments.Datasets);
var machine = MachineInfo.Capture();
var loadAtStart = MachineInfo.LoadAverage();
log.WriteLine($"{machine.Cpu}, {machine.Cores} cores, load {MachineInfo.LoadAverage()}; {(quick ? "quick" : "full")} run");

// At least 5 rounds per comparison (the machine is shared); 7 keeps the median steady at little cost.
const int Rounds = 7;
var benches = new (string Id, Func<RowResult> Run)[]
{
    ("images", () => new ImageBench(data, arguments.MlNetPeerDll, quick ? 200 : 1000, Rounds, log).Run()),
    ("text", () => new TextBench(data, quick ? 500 : 1906, Rounds, log).Run()),
    ("audio", () => new AudioBench(data, quick ? 200 : 1797, Rounds, log).Run()),
    ("cache", () => new CacheBench(data, quick ? 200 : 1797, Rounds, log).Run()),
    ("memory", () => new MemoryBench(arguments.CliDll, quick ? [2_000, 10_000] : [2_000, 10_000, 50_000], log).Run()),
};
var rows = new List<RowResult>();
foreach (var (id, run) in benches.Where(b => arguments.Rows is null || arguments.Rows.Contains(b.Id)))
{
    log.WriteLine($"[{id}] load {MachineInfo.LoadAverage()}");
    var row = run();
    rows.Add(row);
    foreach (var check in row.Checks)
        log.WriteLine($"[{id}] {check.Name}: {check.Median:F2} (goal {check.GoalText}) {(check.Reached ? "reached" : "NOT reached")}");
}

Directory.CreateDirectory(arguments.Results);
var resultsFile = Path.Combine(arguments.Results, $"extraction-{started:yyyyMMdd-HHmmss}{(quick ? "-quick" : "")}.json");
var json = JsonSerializer.Serialize(new { started, mode = quick ? "quick" : "full", command = arguments.Command, machine, rows },
    new JsonSerializerOptions { WriteIndented = true });
File.WriteAllText(resultsFile, json);
log.WriteLine($"wrote {resultsFile}");

if (arguments.Doc is { } doc)
{
    var relative = Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(doc))!, resultsFile);
    var shown = Path.Combine("bench", "results", Path.GetFileName(resultsFile));
    var section = MarkdownReport.Render(machine, rows, arguments.Command, quick ? "quick" : "full", shown, started, loadAtStart, MachineInfo.LoadAverage());
    MarkdownReport.Splice(doc, section, "# Benchmarks\n\nMeasured numbers, with the machine they came from. Regenerate a section with the script it names.\n");
    log.WriteLine($"updated {doc} ({relative})");
}
