using System.Globalization;
using System.Text;
using System.Text.Json;
using MMFuse.Load;

// Serves each model once per --max-batch value (all resident at once), then loads them at each client count in
// alternating rounds (A B, B A, ...), so a machine whose load drifts — other builds on a shared box — weighs on every
// setting alike. Prints a Markdown table; --json keeps the raw levels.
var arguments = LoadArguments.Parse(args);
var levels = new List<LoadLevel>();
var slice = TimeSpan.FromSeconds(Math.Min(5, arguments.Seconds));
var rounds = Math.Max(1, (int)Math.Round(arguments.Seconds / slice.TotalSeconds));
foreach (var (name, model, sampleTable) in arguments.Models)
{
    var servers = new List<(int MaxBatch, ServerProcess Server)>();
    try
    {
        foreach (var maxBatch in arguments.MaxBatches)
            servers.Add((maxBatch, await ServerProcess.StartAsync(arguments.Cli, model, maxBatch)));
        var bodies = await SampleRows.BodiesAsync(servers[0].Server.Address, sampleTable);
        // Untimed warm-up at the highest concurrency, so "before" is each server's working size, not its start-up size.
        foreach (var (_, server) in servers)
            await LoadRunner.RunAsync(server.Address, bodies, arguments.Clients.Max(), TimeSpan.FromSeconds(3));
        foreach (var clients in arguments.Clients)
        {
            var before = servers.Select(s => s.Server.RssMiB()).ToArray();
            var requests = new int[servers.Count];
            var errors = new int[servers.Count];
            var latencies = servers.Select(_ => new List<double>()).ToArray();
            for (var round = 0; round < rounds; round++)
            {
                var order = Enumerable.Range(0, servers.Count).ToArray();
                if (round % 2 == 1)
                    Array.Reverse(order);
                foreach (var s in order)
                {
                    var (n, e, l) = await LoadRunner.RunAsync(servers[s].Server.Address, bodies, clients, slice);
                    requests[s] += n;
                    errors[s] += e;
                    latencies[s].AddRange(l);
                }
            }
            for (var s = 0; s < servers.Count; s++)
            {
                var seconds = rounds * slice.TotalSeconds;
                var level = new LoadLevel(name, servers[s].MaxBatch, clients, seconds, requests[s], errors[s], requests[s] / seconds,
                    LoadRunner.Percentile(latencies[s], 0.50), LoadRunner.Percentile(latencies[s], 0.95), LoadRunner.Percentile(latencies[s], 0.99),
                    before[s], servers[s].Server.RssMiB());
                levels.Add(level);
                Console.Error.WriteLine($"{name} max-batch {level.MaxBatch} clients {clients}: {level.Throughput:0.0} req/s, p50 {level.P50Ms:0} ms, " +
                    $"errors {level.Errors}, RSS {level.RssBeforeMiB:0}→{level.RssAfterMiB:0} MiB");
            }
        }
        foreach (var (maxBatch, server) in servers)
            if (server.Stop() is var code && code != 0)
                Console.Error.WriteLine($"warning: mmfuse serve --max-batch {maxBatch} exited with code {code} after SIGTERM");
    }
    finally
    {
        foreach (var (_, server) in servers)
            server.Dispose();
    }
}

var table = new StringBuilder();
table.AppendLine("| model | --max-batch | clients | seconds | requests | errors | req/s | p50 ms | p95 ms | p99 ms | RSS before → after (MiB) |");
table.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
foreach (var l in levels)
    table.AppendLine(string.Create(CultureInfo.InvariantCulture,
        $"| {l.Model} | {l.MaxBatch} | {l.Clients} | {l.Seconds:0} | {l.Requests} | {l.Errors} | {l.Throughput:0.0} | {l.P50Ms:0} | {l.P95Ms:0} | {l.P99Ms:0} | {l.RssBeforeMiB:0} → {l.RssAfterMiB:0} |"));
table.AppendLine();
foreach (var model in levels.Select(l => l.Model).Distinct())
    foreach (var clients in arguments.Clients)
    {
        var batched = levels.First(l => l.Model == model && l.Clients == clients && l.MaxBatch == arguments.MaxBatches.Max());
        var single = levels.First(l => l.Model == model && l.Clients == clients && l.MaxBatch == arguments.MaxBatches.Min());
        if (single != batched)
            table.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"- {model}, {clients} client(s): --max-batch {batched.MaxBatch} gives {batched.Throughput / single.Throughput:0.00}x the throughput of --max-batch {single.MaxBatch}"));
    }
Console.Write(table);
if (arguments.Json is { } json)
    File.WriteAllText(json, JsonSerializer.Serialize(levels, new JsonSerializerOptions { WriteIndented = true }));
