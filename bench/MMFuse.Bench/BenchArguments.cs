namespace MMFuse.Bench;

/// <summary>Command-line settings of the benchmark runner (bench/run-extraction.sh and bench/run.sh fill them in).</summary>
/// <param name="Features">The avdigits Parquet export (<c>mmfuse extract --export</c>), for the stacking and joint rows.</param>
/// <param name="Python">The Python that runs the peers in <paramref name="PeersDir"/> (Debian's /usr/bin/python3).</param>
internal sealed record BenchArguments(bool Quick, BenchSuite Suite, string Datasets, string CliDll, string MlNetPeerDll, string Results, string? Doc,
    string Command, HashSet<string>? Rows, string? Features, string Python, string PeersDir)
{
    public static BenchArguments Parse(string[] args)
    {
        bool quick = false;
        string? datasets = null, cli = null, peer = null, results = null, doc = null, command = null, features = null, python = null, peers = null;
        var suite = BenchSuite.Extraction;
        HashSet<string>? rows = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--quick": quick = true; break;
                case "--suite": suite = BenchSuite.Parse(Value()); break;
                case "--datasets": datasets = Value(); break;
                case "--cli": cli = Value(); break;
                case "--mlnet-peer": peer = Value(); break;
                case "--results": results = Value(); break;
                case "--doc": doc = Value(); break;
                case "--command": command = Value(); break;
                case "--features": features = Value(); break;
                case "--python": python = Value(); break;
                case "--peers": peers = Value(); break;
                case "--rows": rows = [.. Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]; break;
                default: throw new ArgumentException($"unknown argument {args[i]}");
            }
        }
        var unknown = rows?.FirstOrDefault(r => !suite.Rows.Contains(r));
        if (unknown is not null)
            throw new ArgumentException($"--rows: '{unknown}' is not a row of the {suite.Id} suite ({string.Join(", ", suite.Rows)})");
        return new BenchArguments(quick, suite,
            datasets ?? throw new ArgumentException("--datasets DIR is required"),
            cli ?? "", peer ?? "", results ?? "bench/results", doc, command ?? "MMFuse.Bench " + string.Join(' ', args), rows,
            features, python ?? "/usr/bin/python3", peers ?? "bench/peers");
    }

    public string RequireFeatures() => Features is { } f && File.Exists(f)
        ? f
        : throw new ArgumentException("--features FILE.parquet (from `mmfuse extract avdigits.csv --export FILE.parquet`) is required for the stacking and joint rows");

    public string PeerScript(string name)
    {
        var path = Path.Combine(PeersDir, name);
        return File.Exists(path) ? path : throw new ArgumentException($"{path} is missing (--peers DIR)");
    }
}
