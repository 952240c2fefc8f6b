namespace MMFuse.Cluster;

/// <summary>A worker that must not take part in this run (another extractor model, shared media it may not read):
/// it is left out and its jobs go to the others.</summary>
internal sealed class WorkerRefusedException(string message) : Exception(message);
