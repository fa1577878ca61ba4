using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Superapps.Letters.Contracts;
using Superapps.Letters.Domain;
using Superapps.Letters.Domain.Drafting;
using Superapps.Letters.Features.Desk;
using Superapps.Letters.Features.Documents;
using Superapps.Letters.Features.Drafting;
using Superapps.Letters.Features.Sending;
using Superapps.Notifications;
using Superapps.Organization;
using Superapps.Organization.Contracts;
using Superapps.Organization.Data;
using Superapps.Signing.Contracts;
using Superapps.Testing;

namespace Superapps.Letters.IntegrationTests.Drafting;

/// <summary>
/// The demo city's Diskominfo with a staff member under a Kabid, its Kepala, and another OPD's head, on a fresh database with the
/// real migrations; the signer, renderer and sanitiser are fakes. One per test class.
/// </summary>
public sealed class DraftingWorld : IAsyncDisposable
{
    private DraftingWorld(ModuleServices module, TestClock clock) => (Module, Clock) = (module, clock);

    public ModuleServices Module { get; }

    public TestClock Clock { get; }

    public Guid Agency { get; private set; }

    public PositionInfo Kepala { get; private set; } = null!;

    public PositionInfo Kabid { get; private set; } = null!;

    public PositionInfo Staf { get; private set; } = null!;

    public Guid OtherAgency { get; private set; }

    public PositionInfo OtherHead { get; private set; } = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <param name="mailPickup">With a folder: the real e-mail path (the Notifications module writing .eml files there) instead of
    /// the <see cref="FlakyMailer"/>.</param>
    public static async Task<DraftingWorld> CreateAsync(PostgresServer server, string? mailPickup = null)
    {
        var clock = new TestClock(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));
        var fakes = (Signer: new FakeSigner(), Renderer: new FakeRenderer(), Mailer: new FlakyMailer());
        var module = await ModuleServices.CreateAsync(server, s =>
        {
            s.AddOrganizationModule().AddLettersModule();
            s.AddSingleton<IDocumentSigner>(fakes.Signer);
            s.AddSingleton<ILetterPdfRenderer>(fakes.Renderer);
            s.AddSingleton<IRichTextSanitizer, FakeSanitizer>();
            if (mailPickup is null)
            {
                s.AddSingleton<IExternalLetterMailer>(fakes.Mailer);
            }
            else
            {
                s.AddNotificationsModule();
                s.Configure<NotificationsOptions>(o => o.PickupDirectory = mailPickup);
            }
        }, seedDemo: true, clock: clock);
        var world = new DraftingWorld(module, clock) { Fakes = fakes };
        await world.LoadAsync();
        return world;
    }

    private (FakeSigner Signer, FakeRenderer Renderer, FlakyMailer Mailer) Fakes { get; init; }

    public FakeSigner Signer => Fakes.Signer;

    public FakeRenderer Renderer => Fakes.Renderer;

    public FlakyMailer Mailer => Fakes.Mailer;

    private async Task LoadAsync()
    {
        await using var scope = Module.CreateScope();
        var organization = scope.ServiceProvider.GetRequiredService<OrganizationDbContext>();
        var directory = scope.ServiceProvider.GetRequiredService<IOrganizationDirectory>();
        Agency = await organization.Agencies.Where(a => a.Code == "DISKOMINFO").Select(a => a.Id).SingleAsync(Ct);
        var head = await organization.Positions.SingleAsync(p => p.AgencyId == Agency && p.IsHeadOfAgency, Ct);
        Kepala = (await directory.GetPositionAsync(head.Id, Ct))!;
        var kabids = await organization.Positions.Where(p => p.ReportsToId == head.Id && p.Level == PositionLevel.Kabid)
            .Where(p => organization.Employees.Any(e => e.PositionId == p.Id)).OrderBy(p => p.Title).Select(p => p.Id).ToListAsync(Ct);
        Kabid = (await directory.GetPositionAsync(kabids[0], Ct))!;
        var stafId = await organization.Positions.Where(p => p.AgencyId == Agency && p.Level == PositionLevel.Staf)
            .Where(p => organization.Employees.Any(e => e.PositionId == p.Id))
            .Where(p => p.ReportsToId == Kabid.PositionId || organization.Positions.Any(s => s.Id == p.ReportsToId && s.ReportsToId == Kabid.PositionId))
            .OrderBy(p => p.Title).Select(p => p.Id).FirstAsync(Ct);
        Staf = (await directory.GetPositionAsync(stafId, Ct))!;
        OtherAgency = await organization.Agencies.Where(a => a.Code != "DISKOMINFO" && a.Code != "PEMKOT")
            .Where(a => organization.Positions.Any(p => p.AgencyId == a.Id && p.IsHeadOfAgency && organization.Employees.Any(e => e.PositionId == p.Id)))
            .OrderBy(a => a.Code).Select(a => a.Id).FirstAsync(Ct);
        var otherHead = await organization.Positions.Where(p => p.AgencyId == OtherAgency && p.IsHeadOfAgency).Select(p => p.Id).SingleAsync(Ct);
        OtherHead = (await directory.GetPositionAsync(otherHead, Ct))!;
    }

    public async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Module.CreateScope();
        return await action(scope.ServiceProvider);
    }

    public async Task WithAsync(Func<IServiceProvider, Task> action)
    {
        await using var scope = Module.CreateScope();
        await action(scope.ServiceProvider);
    }

    public Task<Viewer> ViewerAsync(Guid employeeId, bool keepsAgenda = false) =>
        WithAsync(async sp => (await sp.GetRequiredService<Viewers>().ForAsync(employeeId, keepsAgenda, Ct))!);

    public static Guid HolderOf(PositionInfo position) => position.Holders.First(h => h.Kind == HoldingKind.Definitive).EmployeeId;

    /// <summary>A nota dinas from <paramref name="drafterPosition"/> to the other OPD's head (as an OPD), with the default chain unless given.</summary>
    public async Task<DraftInput> NotaDinasAsync(Guid drafterPosition, IReadOnlyList<Guid>? reviewers = null, Guid? signer = null,
        IReadOnlyList<AddresseeInput>? addressees = null, string body = "<p>Mohon dukungan data pembangunan untuk <b>SPBE</b>.</p><script>alert(1)</script>")
    {
        var (defaultReviewers, defaultSigner) = await WithAsync(sp =>
            sp.GetRequiredService<DraftDefaults>().ChainAsync(drafterPosition, LetterKind.NotaDinas, leavesAgency: true, Ct));
        return new DraftInput(LetterKind.NotaDinas, drafterPosition, "Permohonan data pembangunan", "000.1.5", SecurityClass.Biasa, Urgency.Segera,
            "-", body, addressees ?? [AddresseeInput.ToAgency(OtherAgency)], [new CarbonCopyInput(null, "Walikota (sebagai laporan)")],
            reviewers ?? [.. defaultReviewers.Select(r => r.PositionId)], signer ?? defaultSigner!.PositionId);
    }

    /// <summary>The letter as stored, with its steps and versions.</summary>
    public Task<OutgoingLetter> LoadAsync(Guid id) => WithAsync(sp => sp.GetRequiredService<Data.LettersDbContext>().OutgoingLetters.AsNoTracking()
        .Include(l => l.Steps).Include(l => l.Versions).AsSplitQuery().SingleAsync(l => l.Id == id, Ct));

    public ValueTask DisposeAsync() => Module.DisposeAsync();
}
