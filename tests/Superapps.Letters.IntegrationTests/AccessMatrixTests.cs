using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Superapps.Letters.Contracts;
using Superapps.Letters.Domain;
using Superapps.Letters.Features.Desk;
using Superapps.Letters.Features.Inbox;
using Superapps.Letters.Features.Registration;
using Superapps.Organization;
using Superapps.Organization.Contracts;
using Superapps.Organization.Data;
using Superapps.Organization.Features.Administration;
using Superapps.SharedKernel;
using Superapps.Testing;

namespace Superapps.Letters.IntegrationTests;

/// <summary>
/// The access matrix of issue 3, through the real desk and inbox on a real database: each kind of person by each
/// security class by each action. Every case gets its own letter: the Kepala OPD disposes it to a Kabid.
/// </summary>
public sealed class AccessMatrixTests(AccessMatrixTests.World world) : IClassFixture<AccessMatrixTests.World>
{
    private static readonly byte[] Pdf = "%PDF-1.7\n%%EOF\n"u8.ToArray();

    public enum Who
    {
        /// <summary>The Kepala OPD the letter is addressed to, who gave the disposition.</summary>
        AddresseeAndGiver,

        /// <summary>The Kabid the letter was disposed to.</summary>
        DispositionRecipient,

        /// <summary>Someone else acting as Plh of that Kabid.</summary>
        PlhOfRecipient,

        /// <summary>Another Kabid of the same OPD, not on the chain.</summary>
        ColleagueNotOnChain,

        /// <summary>The OPD's registry clerk (keeps its agenda), not on the chain.</summary>
        RegistryClerk,

        RegistryClerkOfAnotherOpd,

        OfficialOfAnotherOpd,
    }

    public enum DeskAction
    {
        Open,
        OpenScan,
        FindInInbox,
        DisposeFurther,
        ReportFollowUp,
        CancelUnread,
        AcceptFollowUp,
        ReopenFollowUp,
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The rule, action by action. Restricted classes differ from Biasa only for the OPD's agenda keepers.</summary>
    private static bool Allowed(Who who, SecurityClass securityClass, DeskAction action)
    {
        var named = who is Who.AddresseeAndGiver or Who.DispositionRecipient or Who.PlhOfRecipient;
        return action switch
        {
            DeskAction.Open or DeskAction.OpenScan => named || (who == Who.RegistryClerk && securityClass == SecurityClass.Biasa),
            DeskAction.FindInInbox => named,
            DeskAction.DisposeFurther or DeskAction.ReportFollowUp => who is Who.DispositionRecipient or Who.PlhOfRecipient,
            _ => who == Who.AddresseeAndGiver,
        };
    }

    public static TheoryData<Who, SecurityClass, DeskAction> Cases()
    {
        var data = new TheoryData<Who, SecurityClass, DeskAction>();
        foreach (var who in Enum.GetValues<Who>())
        {
            foreach (var securityClass in Enum.GetValues<SecurityClass>())
            {
                foreach (var action in Enum.GetValues<DeskAction>())
                {
                    data.Add(who, securityClass, action);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_person_may_do_only_what_their_place_on_the_chain_and_the_class_allow(Who who, SecurityClass securityClass, DeskAction action)
    {
        var subject = $"Matriks akses {Guid.NewGuid():N}";
        var (letterId, dispositionId) = await world.LetterDisposedToKabidAsync(securityClass, subject);
        if (action is DeskAction.AcceptFollowUp or DeskAction.ReopenFollowUp)
        {
            await world.WithDeskAsync(desk => desk.CompleteAsync(world.Kabid, dispositionId, "Sudah dilaksanakan.", [], Ct));
        }

        var viewer = world.ViewerOf(who);
        var expected = Allowed(who, securityClass, action);
        Func<Task> act = action switch
        {
            DeskAction.Open => () => world.WithDeskAsync(async desk =>
            {
                var view = await desk.OpenAsync(viewer, letterId, Ct);
                if (view.Access != AccessLevel.Full)
                {
                    // The agenda line only: no scan, no tree, no history.
                    view.Files.ShouldBeEmpty();
                    view.History.ShouldBeEmpty();
                    throw new DomainRuleException(LetterErrors.NotFound);
                }
            }),
            DeskAction.OpenScan => () => world.WithDeskAsync(async desk =>
            {
                var scanId = await world.ScanOfAsync(letterId);
                (await desk.GetFileAsync(viewer, scanId, Ct)).ContentType.ShouldBe("application/pdf");
            }),
            DeskAction.FindInInbox => () => world.FindAsync(viewer, subject),
            DeskAction.DisposeFurther => () => world.WithDeskAsync(desk => desk.DisposeAsync(viewer, new DisposeInput(Guid.NewGuid(), letterId, dispositionId,
                world.KabidPosition, [world.StafPosition], ["Laksanakan"], null, null, null), Ct)),
            DeskAction.ReportFollowUp => () => world.WithDeskAsync(desk => desk.CompleteAsync(viewer, dispositionId, "Selesai.", [], Ct)),
            DeskAction.CancelUnread => () => world.WithDeskAsync(desk => desk.CancelAsync(viewer, dispositionId, Ct)),
            DeskAction.AcceptFollowUp => () => world.WithDeskAsync(desk => desk.AcceptAsync(viewer, dispositionId, Ct)),
            _ => () => world.WithDeskAsync(desk => desk.ReopenAsync(viewer, dispositionId, "Lengkapi laporan.", Ct)),
        };

        var before = await world.StateOfAsync(dispositionId);
        if (expected)
        {
            await act();
        }
        else
        {
            var refused = await Should.ThrowAsync<DomainRuleException>(act);
            refused.Error.Code.ShouldStartWith("letters.");
            (await world.StateOfAsync(dispositionId)).ShouldBe(before);
        }
    }

    /// <summary>The demo city's Diskominfo with one person for each <see cref="Who"/>, and the desk to act on.</summary>
    public sealed class World(PostgresServer server) : IAsyncLifetime
    {
        private readonly TestClock _clock = new(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));
        private readonly Dictionary<Who, Viewer> _viewers = [];
        private ModuleServices _module = null!;
        private Guid _agency;
        private Guid _clerk;
        private Guid _kepalaPosition;

        public Viewer Kabid => _viewers[Who.DispositionRecipient];

        public Guid KabidPosition { get; private set; }

        public Guid StafPosition { get; private set; }

        public Viewer ViewerOf(Who who) => _viewers[who];

        public async ValueTask InitializeAsync()
        {
            _module = await ModuleServices.CreateAsync(server, s => s.AddOrganizationModule().AddLettersModule(), seedDemo: true, clock: _clock);
            await using var scope = _module.CreateScope();
            var organization = scope.ServiceProvider.GetRequiredService<OrganizationDbContext>();
            var viewers = scope.ServiceProvider.GetRequiredService<Viewers>();
            _agency = await organization.Agencies.Where(a => a.Code == "DISKOMINFO").Select(a => a.Id).SingleAsync(Ct);
            var head = await organization.Positions.SingleAsync(p => p.AgencyId == _agency && p.IsHeadOfAgency, Ct);
            _kepalaPosition = head.Id;
            var kabids = await organization.Positions.Where(p => p.ReportsToId == head.Id && p.Level == PositionLevel.Kabid)
                .Where(p => organization.Employees.Any(e => e.PositionId == p.Id)).OrderBy(p => p.Title).Select(p => p.Id).ToListAsync(Ct);
            KabidPosition = kabids[0];
            StafPosition = await organization.Positions.Where(p => p.AgencyId == _agency && p.Level > PositionLevel.Kabid)
                .Where(p => p.ReportsToId == KabidPosition || organization.Positions.Any(s => s.Id == p.ReportsToId && s.ReportsToId == KabidPosition))
                .Select(p => p.Id).FirstAsync(Ct);
            var holderOf = async (Guid position) => await organization.Employees.Where(e => e.PositionId == position).Select(e => e.Id).FirstAsync(Ct);
            // The Plh holds a position one rank below the Kabid's (a Kasi), as the acting rules require.
            var plh = await organization.Employees.Where(e => e.AgencyId == _agency && e.PositionId != null
                    && organization.Positions.Any(p => p.Id == e.PositionId && p.Level == PositionLevel.Kasi))
                .OrderBy(e => e.Id).Select(e => e.Id).FirstAsync(Ct);
            var today = DateOnly.FromDateTime(Wib.ToWib(_clock.GetUtcNow()).DateTime);
            await scope.ServiceProvider.GetRequiredService<OrganizationAdministration>().AssignActingAsync(AdminScope.City,
                new ActingInput(plh, KabidPosition, HoldingKind.Plh, today, today.AddDays(7), "800/1/2026"), Ct);
            _clerk = await organization.Employees.Where(e => e.AgencyId == _agency && e.Id != plh && e.PositionId != null && e.PositionId != head.Id && !kabids.Contains(e.PositionId!.Value))
                .OrderByDescending(e => e.Id).Select(e => e.Id).FirstAsync(Ct);
            var otherAgency = await organization.Agencies.Where(a => a.Id != _agency && organization.Employees.Count(e => e.AgencyId == a.Id && e.PositionId != null) >= 2)
                .Select(a => a.Id).FirstAsync(Ct);
            var others = await organization.Employees.Where(e => e.AgencyId == otherAgency && e.PositionId != null).OrderBy(e => e.Id).Select(e => e.Id).Take(2).ToListAsync(Ct);

            async Task AddAsync(Who who, Guid employeeId, bool keepsAgenda = false) =>
                _viewers[who] = (await viewers.ForAsync(employeeId, keepsAgenda, Ct)).ShouldNotBeNull();
            await AddAsync(Who.AddresseeAndGiver, await holderOf(head.Id));
            await AddAsync(Who.DispositionRecipient, await holderOf(KabidPosition));
            await AddAsync(Who.PlhOfRecipient, plh);
            await AddAsync(Who.ColleagueNotOnChain, await holderOf(kabids[1]));
            await AddAsync(Who.RegistryClerk, _clerk, keepsAgenda: true);
            await AddAsync(Who.RegistryClerkOfAnotherOpd, others[0], keepsAgenda: true);
            await AddAsync(Who.OfficialOfAnotherOpd, others[1]);
            _viewers[Who.PlhOfRecipient].PositionIds.ShouldContain(KabidPosition);
        }

        public async ValueTask DisposeAsync() => await _module.DisposeAsync();

        public async Task<(Guid Letter, Guid Disposition)> LetterDisposedToKabidAsync(SecurityClass securityClass, string subject)
        {
            await using var scope = _module.CreateScope();
            var letter = await scope.ServiceProvider.GetRequiredService<LetterRegistration>().RegisterAsync(new Clerk(_clerk, "Pencatat", _agency),
                new RegisterIncomingLetter(Guid.NewGuid(), "Badan Siber dan Sandi Negara", "B-123/BSSN/2026", new DateOnly(2026, 11, 20), subject,
                    securityClass, Urgency.Segera, "000.1.5", _kepalaPosition, LetterUpload.FromBytes("surat.pdf", Pdf), []), Ct);
            var disposition = await scope.ServiceProvider.GetRequiredService<LetterDesk>().DisposeAsync(_viewers[Who.AddresseeAndGiver],
                new DisposeInput(Guid.NewGuid(), letter.Id, null, _kepalaPosition, [KabidPosition], ["Tindak lanjuti"], "Segera", null, null), Ct);
            return (letter.Id, disposition.Single());
        }

        public async Task WithDeskAsync(Func<LetterDesk, Task> action)
        {
            await using var scope = _module.CreateScope();
            await action(scope.ServiceProvider.GetRequiredService<LetterDesk>());
        }

        public async Task<Guid> ScanOfAsync(Guid letterId)
        {
            await using var scope = _module.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<Data.LettersDbContext>().Files
                .Where(f => f.LetterId == letterId && f.Kind == LetterFileKind.Letter).Select(f => f.Id).SingleAsync(Ct);
        }

        /// <summary>Finds the letter by its subject in the viewer's inbox, or refuses as the desk would.</summary>
        public async Task FindAsync(Viewer viewer, string subject)
        {
            await using var scope = _module.CreateScope();
            var page = await scope.ServiceProvider.GetRequiredService<InboxQueries>().SearchAsync(viewer,
                new InboxSearch(subject.Split(' ')[^1], null, null, InboxStatus.All, null, null, 0, 20, null, true), Ct);
            if (page.Items.Count == 0)
            {
                throw new DomainRuleException(LetterErrors.NotFound);
            }

            page.Items.ShouldHaveSingleItem().Subject.ShouldBe(subject);
        }

        public async Task<(DispositionStatus, LetterStatus, int)> StateOfAsync(Guid dispositionId)
        {
            await using var scope = _module.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<Data.LettersDbContext>();
            var disposition = await db.Dispositions.AsNoTracking().SingleAsync(d => d.Id == dispositionId, Ct);
            var letter = await db.Letters.AsNoTracking().SingleAsync(l => l.Id == disposition.LetterId, Ct);
            return (disposition.Status, letter.Status, await db.Dispositions.CountAsync(d => d.LetterId == letter.Id, Ct));
        }
    }
}
