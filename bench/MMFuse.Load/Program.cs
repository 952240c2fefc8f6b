using System.Globalization;
using System.Text;
using System.Text.Json;
using MMFuse.Load;

// Serves each model with each --max-batch, loads it at each client count for a fixed time, prints a Markdown table.
var arguments = LoadArguments.Parse(args);
var levels = new List<LoadLevel>();
foreach (var (name, model, sampleTable) in arguments.Models)
{
    foreach (var maxBatch in arguments.MaxBatches)
    {
        using var server = await ServerProcess.StartAsync(arguments.Cli, model, maxBatch);
        var bodies = await SampleRows.BodiesAsync(server.Address, sampleTable);
        // Untimed warm-up at the highest concurrency, so the "before" memory is the server's working size, not its start-up size.
        await LoadRunner.RunAsync(server.Address, bodies, arguments.Clients.Max(), TimeSpan.FromSeconds(3));
        foreach (var clients in arguments.Clients)
        {
            var before = server.RssMiB();
            var (requests, errors, latencies) = await LoadRunner.RunAsync(server.Address, bodies, clients, TimeSpan.FromSeconds(arguments.Seconds));
            var level = new LoadLevel(name, maxBatch, clients, arguments.Seconds, requests, errors, requests / (double)arguments.Seconds,
                LoadRunner.Percentile(latencies, 0.50), LoadRunner.Percentile(latencies, 0.95), LoadRunner.Percentile(latencies, 0.99), before, server.RssMiB());
            levels.Add(level);
            Console.Error.WriteLine($"{name} max-batch {maxBatch} clients {clients}: {level.Throughput:0.0} req/s, p50 {level.P50Ms:0} ms, errors {errors}, RSS {before:0}→{level.RssAfterMiB:0} MiB");
        }
        var code = server.Stop();
        if (code != 0)
            Console.Error.WriteLine($"warning: mmfuse serve exited with code {code} after SIGTERM");
    }
}

var table = new StringBuilder();
table.AppendLine("| model | --max-batch | clients | requests | errors | req/s | p50 ms | p95 ms | p99 ms | RSS before → after (MiB) |");
table.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
foreach (var l in levels)
    table.AppendLine(string.Create(CultureInfo.InvariantCulture,
        $"| {l.Model} | {l.MaxBatch} | {l.Clients} | {l.Requests} | {l.Errors} | {l.Throughput:0.0} | {l.P50Ms:0} | {l.P95Ms:0} | {l.P99Ms:0} | {l.RssBeforeMiB:0} → {l.RssAfterMiB:0} |"));
table.AppendLine();
foreach (var model in levels.Select(l => l.Model).Distinct())
{
    var top = arguments.Clients.Max();
    var batched = levels.FirstOrDefault(l => l.Model == model && l.Clients == top && l.MaxBatch == arguments.MaxBatches.Max());
    var single = levels.FirstOrDefault(l => l.Model == model && l.Clients == top && l.MaxBatch == arguments.MaxBatches.Min());
    if (batched is not null && single is not null && single != batched)
        table.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"- {model}: at {top} clients, --max-batch {batched.MaxBatch} gives {batched.Throughput / single.Throughput:0.00}x the throughput of --max-batch {single.MaxBatch}"));
}
Console.Write(table);
if (arguments.Json is { } json)
    File.WriteAllText(json, JsonSerializer.Serialize(levels, new JsonSerializerOptions { WriteIndented = true }));
