using Microsoft.Extensions.DependencyInjection;
using Superapps.SharedKernel;
using Superapps.Testing;
using Superapps.Tickets.Contracts;
using Superapps.Tickets.Data;
using Superapps.Tickets.Domain;
using Superapps.Tickets.Domain.Sites;
using Superapps.Tickets.Features.Sites;

namespace Superapps.Tickets.IntegrationTests;

/// <summary>The Tickets module on a fresh database with its real migrations and seeded holidays, and a test clock.</summary>
public sealed class TicketsHarness : IAsyncDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static readonly Guid Diskominfo = Guid.Parse("0195d0a0-0000-7000-8000-0000000000d1");
    public static readonly Guid KecamatanTelanai = Guid.Parse("0195d0a0-0000-7000-8000-0000000000d2");

    public static readonly TicketActor Reporter = new("user-rina", "Rina", TicketRole.Reporter);
    public static readonly TicketActor Helpdesk = new("user-budi", "Budi (Helpdesk)", TicketRole.HelpdeskAgent);
    public static readonly TicketActor Technician = new("user-andi", "Andi (Teknisi)", TicketRole.Technician);

    private readonly AsyncServiceScope _scope;

    private TicketsHarness(ModuleServices services, TestClock clock)
    {
        Services = services;
        Clock = clock;
        _scope = services.CreateScope();
    }

    public ModuleServices Services { get; }

    public TestClock Clock { get; }

    public AuditRecorder Audit => Services.Audit;

    /// <summary>A service of the test's own scope (as one request has).</summary>
    public T Get<T>()
        where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    /// <summary>A fresh scope, for reading back what another scope saved, or for parallel work.</summary>
    public AsyncServiceScope NewScope() => Services.CreateScope();

    /// <param name="configure">More services, e.g. a test organisation directory or options.</param>
    public static async Task<TicketsHarness> CreateAsync(PostgresServer server, Action<IServiceCollection>? configure = null)
    {
        // Monday 23 November 2026, 09.00 WIB, in whole seconds (PostgreSQL keeps microseconds).
        var clock = new TestClock(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));
        var services = await ModuleServices.CreateAsync(server, s =>
        {
            s.AddTicketsModule();
            configure?.Invoke(s);
        }, clock: clock);
        return new TicketsHarness(services, clock);
    }

    /// <summary>A core, one distribution node under it and one site on that node; returns the site.</summary>
    public async Task<Site> SiteAsync(string code = "KEL-TELANAI")
    {
        var register = Get<SiteRegister>();
        var core = await register.AddCoreAsync($"CORE-{code}", "Core Data Center", Ct);
        var node = await register.AddDistributionAsync($"DIST-{code}", "POP Telanaipura", core.Id, Ct);
        return await register.AddSiteAsync(new SiteDetails(code, "Kantor Kelurahan Telanai Pura", SiteKind.Kelurahan, KecamatanTelanai,
            "Kecamatan Telanaipura", "Jl. Arif Rahman Hakim", -1.6101, 103.6131), node.Id);
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await Services.DisposeAsync();
    }
}
