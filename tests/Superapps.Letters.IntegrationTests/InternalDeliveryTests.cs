using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Superapps.Letters.Contracts;
using Superapps.Letters.Data;
using Superapps.Letters.Domain;
using Superapps.Letters.Features.Desk;
using Superapps.Letters.Features.Inbox;
using Superapps.Organization;
using Superapps.Organization.Data;
using Superapps.SharedKernel;
using Superapps.Testing;

namespace Superapps.Letters.IntegrationTests;

/// <summary>A letter signed in one OPD arrives in another OPD's agenda and its head's inbox, with nothing re-typed.</summary>
public sealed class InternalDeliveryTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj\n%%EOF\n"u8.ToArray();
    private readonly TestClock _clock = new(new DateTimeOffset(2026, 11, 23, 3, 0, 0, TimeSpan.Zero));
    private ModuleServices _module = null!;
    private Guid _receiver;
    private Guid _sender;
    private Guid _headPosition;
    private Guid _headEmployee;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _module = await ModuleServices.CreateAsync(server, s => s.AddOrganizationDirectory().AddLettersModule(), seedDemo: true, clock: _clock);
        await using var scope = _module.CreateScope();
        var organization = scope.ServiceProvider.GetRequiredService<OrganizationDbContext>();
        _receiver = await organization.Agencies.Where(a => a.Code == "DISKOMINFO").Select(a => a.Id).SingleAsync(Ct);
        _sender = await organization.Agencies.Where(a => a.Id != _receiver).Select(a => a.Id).FirstAsync(Ct);
        _headPosition = await organization.Positions.Where(p => p.AgencyId == _receiver && p.IsHeadOfAgency).Select(p => p.Id).SingleAsync(Ct);
        _headEmployee = await organization.Employees.Where(e => e.PositionId == _headPosition).Select(e => e.Id).FirstAsync(Ct);
    }

    public async ValueTask DisposeAsync() => await _module.DisposeAsync();

    private InternalLetter Letter(Guid? sourceId = null, byte[]? pdf = null, string code = "000.1.5", Guid? addressee = null) =>
        new(sourceId ?? Guid.NewGuid(), _sender, "Badan Perencanaan Pembangunan Daerah", "000.1.5/312/BAPPEDA/2026", new DateOnly(2026, 11, 22),
            "Undangan rapat koordinasi data pembangunan", SecurityClass.Biasa, Urgency.Segera, code, addressee ?? _headPosition, pdf ?? Pdf);

    private async Task<Guid> DeliverAsync(InternalLetter letter)
    {
        await using var scope = _module.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IInternalLetterInbox>().DeliverAsync(letter, Ct);
    }

    [Fact]
    public async Task A_delivered_letter_gets_an_agenda_number_and_lands_in_the_addressee_inbox_once()
    {
        var letter = Letter();
        var id = await DeliverAsync(letter);
        (await DeliverAsync(letter)).ShouldBe(id);

        await using var scope = _module.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LettersDbContext>();
        var stored = await db.Letters.AsNoTracking().SingleAsync(l => l.SourceId == letter.SourceId, Ct);
        stored.Id.ShouldBe(id);
        stored.Origin.ShouldBe(LetterOrigin.Internal);
        stored.AgencyId.ShouldBe(_receiver);
        stored.SenderAgencyId.ShouldBe(_sender);
        stored.SenderNumber.ShouldBe(letter.Number);
        stored.AgendaNumber.ShouldBe(1);
        (await db.Files.SingleAsync(f => f.LetterId == id, Ct)).Content.ShouldBe(Pdf);
        (await db.Events.SingleAsync(e => e.LetterId == id, Ct)).Summary.ShouldContain("secara elektronik");

        var head = (await scope.ServiceProvider.GetRequiredService<Viewers>().ForAsync(_headEmployee, keepsAgenda: false, Ct))!;
        var inbox = await scope.ServiceProvider.GetRequiredService<InboxQueries>().SearchAsync(head,
            new InboxSearch(null, null, null, InboxStatus.All, null, null, 0, 20, null, true), Ct);
        inbox.Items.ShouldHaveSingleItem().LetterId.ShouldBe(id);
        scope.ServiceProvider.GetRequiredService<RecordingNotifier>().To(_headEmployee)
            .ShouldContain(n => n.Link == $"/surat/{id}" && n.Topic == Notifications.Contracts.NoticeTopic.NewLetter);
        scope.ServiceProvider.GetRequiredService<AuditRecorder>().Events.ShouldContain(e => e.Action == "letter.delivered" && e.EntityId == id.ToString());
    }

    [Fact]
    public async Task A_delivery_that_is_not_a_pdf_or_names_an_unknown_code_or_position_is_refused_and_nothing_is_saved()
    {
        var refused = await Should.ThrowAsync<DomainRuleException>(() => DeliverAsync(Letter(pdf: "<html>"u8.ToArray(), code: "999.9", addressee: Guid.NewGuid())));
        refused.Errors.Select(e => e.Code).ShouldBe(["letters.addressee", "letters.classification", "letters.file.type"], ignoreOrder: true);

        await using var scope = _module.CreateScope();
        (await scope.ServiceProvider.GetRequiredService<LettersDbContext>().Letters.CountAsync(Ct)).ShouldBe(0);
        (await DeliverAsync(Letter())).ShouldNotBe(Guid.Empty);
        (await scope.ServiceProvider.GetRequiredService<LettersDbContext>().Letters.SingleAsync(Ct)).AgendaNumber.ShouldBe(1);
    }
}
