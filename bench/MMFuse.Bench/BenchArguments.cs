namespace MMFuse.Bench;

/// <summary>Command-line settings of the benchmark runner (bench/run-extraction.sh fills them in).</summary>
internal sealed record BenchArguments(bool Quick, string Datasets, string CliDll, string MlNetPeerDll, string Results, string? Doc, string Command, HashSet<string>? Rows)
{
    public static BenchArguments Parse(string[] args)
    {
        bool quick = false;
        string? datasets = null, cli = null, peer = null, results = null, doc = null, command = null;
        HashSet<string>? rows = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--quick": quick = true; break;
                case "--datasets": datasets = Value(); break;
                case "--cli": cli = Value(); break;
                case "--mlnet-peer": peer = Value(); break;
                case "--results": results = Value(); break;
                case "--doc": doc = Value(); break;
                case "--command": command = Value(); break;
                case "--rows": rows = [.. Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]; break;
                default: throw new ArgumentException($"unknown argument {args[i]}");
            }
        }
        return new BenchArguments(quick,
            datasets ?? throw new ArgumentException("--datasets DIR is required"),
            cli ?? "", peer ?? "", results ?? "bench/results", doc, command ?? "MMFuse.Bench " + string.Join(' ', args), rows);
    }
}
