using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Superapps.Letters.Contracts;
using Superapps.Letters.Data;
using Superapps.Letters.Domain;
using Superapps.Letters.Features.Registration;
using Superapps.Modularity;
using Superapps.Organization;
using Superapps.Organization.Data;
using Superapps.SharedKernel;
using Superapps.Testing;

namespace Superapps.Letters.IntegrationTests;

/// <summary>Registering incoming letters against real PostgreSQL, with the demo city's organisation.</summary>
public sealed class RegistrationTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();
    private ModuleServices _module = null!;
    private Clerk _clerk = null!;
    private Guid _head;
    private Guid _otherOpdHead;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        // 23 November 2026, 09.00 WIB: agenda numbers are per year, so the year must not depend on when the test runs.
        _module = await ModuleServices.CreateAsync(server, s => s.AddOrganizationDirectory().AddLettersModule(), seedDemo: true,
            clock: new TestClock(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero)));
        await using var scope = _module.CreateScope();
        var organization = scope.ServiceProvider.GetRequiredService<OrganizationDbContext>();
        var diskominfo = await organization.Agencies.SingleAsync(a => a.Code == "DISKOMINFO", Ct);
        var clerk = await organization.Employees.FirstAsync(e => e.AgencyId == diskominfo.Id, Ct);
        _clerk = new Clerk(clerk.Id, clerk.Name, diskominfo.Id);
        _head = await organization.Positions.Where(p => p.AgencyId == diskominfo.Id && p.IsHeadOfAgency).Select(p => p.Id).SingleAsync(Ct);
        _otherOpdHead = await organization.Positions.Where(p => p.AgencyId != diskominfo.Id && p.IsHeadOfAgency).Select(p => p.Id).FirstAsync(Ct);
    }

    public async ValueTask DisposeAsync() => await _module.DisposeAsync();

    private RegisterIncomingLetter Input(Guid? requestId = null, string subject = "Undangan rapat koordinasi SPBE", Guid? addressee = null, LetterUpload? scan = null) =>
        new(requestId ?? Guid.NewGuid(), "Dinas Kominfo Provinsi Jambi", "005/412/DISKOMINFO-PROV", new DateOnly(2026, 11, 20), subject,
            SecurityClass.Biasa, Urgency.Segera, "000.1.5", addressee ?? _head, scan ?? LetterUpload.FromBytes("surat.pdf", Pdf), []);

    private async Task<RegisteredLetter> RegisterAsync(RegisterIncomingLetter input)
    {
        await using var scope = _module.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<LetterRegistration>().RegisterAsync(_clerk, input, Ct);
    }

    [Fact]
    public async Task Clerks_registering_at_the_same_moment_get_distinct_agenda_numbers_without_gaps()
    {
        var letters = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => RegisterAsync(Input(subject: $"Surat {i}")), Ct)));

        letters.Select(l => l.AgendaLabel).Order().ShouldBe(Enumerable.Range(1, 20).Select(n => $"{n:D4}/2026").ToList());
    }

    [Fact]
    public async Task A_refused_registration_does_not_use_up_an_agenda_number()
    {
        await RegisterAsync(Input());
        await Should.ThrowAsync<DomainRuleException>(() => RegisterAsync(Input(subject: "")));
        var next = await RegisterAsync(Input());

        await using var scope = _module.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LettersDbContext>();
        var numbers = await db.Letters.Where(l => l.AgencyId == _clerk.AgencyId).Select(l => l.AgendaNumber).OrderBy(n => n).ToListAsync(Ct);
        numbers.ShouldBe(Enumerable.Range(1, numbers.Count).ToList());
        next.AgendaLabel.ShouldBe($"{numbers[^1]:D4}/2026");
    }

    [Fact]
    public async Task Submitting_the_same_form_twice_registers_one_letter()
    {
        var requestId = Guid.NewGuid();

        var both = await Task.WhenAll(RegisterAsync(Input(requestId)), RegisterAsync(Input(requestId)));
        var third = await RegisterAsync(Input(requestId));

        both[0].Id.ShouldBe(both[1].Id);
        third.Id.ShouldBe(both[0].Id);
        third.AlreadyRegistered.ShouldBeTrue();
        await using var scope = _module.CreateScope();
        (await scope.ServiceProvider.GetRequiredService<LettersDbContext>().Letters.CountAsync(l => l.SourceId == requestId, Ct)).ShouldBe(1);
    }

    [Fact]
    public async Task The_letter_goes_to_the_addressee_with_its_scan_and_history_and_is_audited()
    {
        var registered = await RegisterAsync(Input());

        await using var scope = _module.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LettersDbContext>();
        (await db.Recipients.SingleAsync(r => r.LetterId == registered.Id, Ct)).PositionId.ShouldBe(_head);
        var scan = await db.Files.SingleAsync(f => f.LetterId == registered.Id, Ct);
        scan.ContentType.ShouldBe("application/pdf");
        scan.Content.ShouldBe(Pdf);
        (await db.Events.SingleAsync(e => e.LetterId == registered.Id, Ct)).Action.ShouldBe("registered");
        var audit = scope.ServiceProvider.GetRequiredService<AuditRecorder>();
        audit.Events.ShouldContain(e => e.Action == "letter.registered" && e.EntityId == registered.Id.ToString());
    }

    [Fact]
    public async Task A_scan_that_is_not_a_pdf_or_image_by_content_and_another_opds_addressee_are_refused_together()
    {
        var zip = LetterUpload.FromBytes("surat.pdf", "PK\u0003\u0004 not a pdf"u8.ToArray());

        var error = await Should.ThrowAsync<DomainRuleException>(() => RegisterAsync(Input(addressee: _otherOpdHead, scan: zip)));

        error.Errors.Select(e => e.Code).ShouldBe(["letters.addressee", "letters.file.type"]);
    }

    [Fact]
    public async Task An_oversized_scan_is_refused_before_it_is_read()
    {
        var opened = false;
        var huge = new LetterUpload("besar.pdf", 26L * 1024 * 1024, _ =>
        {
            opened = true;
            return Task.FromResult<Stream>(new MemoryStream(Pdf));
        });

        var error = await Should.ThrowAsync<DomainRuleException>(() => RegisterAsync(Input(scan: huge)));

        error.Error.Code.ShouldBe("letters.file.too-large");
        opened.ShouldBeFalse();
    }

    [Fact]
    public async Task The_classification_codes_are_seeded_once()
    {
        await using var scope = _module.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LettersDbContext>();
        var count = await db.ClassificationCodes.CountAsync(Ct);

        await _module.Services.InitializeDatabaseAsync(migrate: true, seedDemo: false, Ct);

        (await db.ClassificationCodes.CountAsync(Ct)).ShouldBe(count);
        count.ShouldBeGreaterThan(150);
        (await db.ClassificationCodes.SingleAsync(c => c.Code == "000.1.5", Ct)).Name.ShouldStartWith("Rapat Pimpinan");
    }
}
