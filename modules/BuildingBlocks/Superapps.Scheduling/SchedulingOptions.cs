namespace Superapps.Scheduling;

/// <summary>Settings of scheduled work (section <c>Superapps:Scheduling</c>).</summary>
public sealed class SchedulingOptions
{
    public const string Section = "Superapps:Scheduling";

    /// <summary>
    /// Run scheduled jobs in this process. Default true. Every instance may run them: the job store is clustered, so each
    /// firing runs on one instance only. Set false on an instance that must never run jobs.
    /// </summary>
    public bool Enabled { get; set; } = true;
}
