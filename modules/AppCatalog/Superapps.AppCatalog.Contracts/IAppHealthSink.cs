namespace Superapps.AppCatalog.Contracts;

/// <summary>
/// Receives the proxy's view of each proxied app's health (its active health probes and passive checks of forwarded requests),
/// so the catalogue shows which apps are down. The proxy reports a change when it happens and otherwise at most every few minutes,
/// never once per probe.
/// </summary>
public interface IAppHealthSink
{
    /// <summary>Stores the reports: an app's state, the time it last changed and the time it was last checked.</summary>
    Task RecordAsync(IReadOnlyCollection<AppHealthReport> reports, CancellationToken cancellationToken = default);
}

/// <summary>What the proxy knows of an app's health.</summary>
public enum AppHealth
{
    /// <summary>Not probed yet, or no longer published behind the proxy.</summary>
    Unknown = 0,

    /// <summary>Its health path answers.</summary>
    Healthy = 1,

    /// <summary>Its health path fails or it does not answer forwarded requests.</summary>
    Unhealthy = 2,
}

/// <summary>One app's health as the proxy saw it.</summary>
/// <param name="AppId">The catalogue's id of the app.</param>
/// <param name="Health">The state.</param>
/// <param name="ChangedAt">When the state became what it is.</param>
/// <param name="CheckedAt">When the proxy last looked.</param>
public sealed record AppHealthReport(Guid AppId, AppHealth Health, DateTimeOffset ChangedAt, DateTimeOffset CheckedAt);
