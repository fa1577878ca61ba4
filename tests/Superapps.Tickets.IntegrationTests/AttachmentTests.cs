using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Superapps.SharedKernel;
using Superapps.Testing;
using Superapps.Tickets.Contracts;
using Superapps.Tickets.Data;
using Superapps.Tickets.Domain;
using Superapps.Tickets.Features.Attachments;
using Superapps.Tickets.Features.Reporting;
using static Superapps.Tickets.IntegrationTests.ReporterSide;

namespace Superapps.Tickets.IntegrationTests;

/// <summary>Attachments with their bytes on PostgreSQL: content checks, the size limit read in chunks, and who may download.</summary>
public sealed class AttachmentTests(PostgresServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(TicketsHarness Harness, ReportedTicket Ticket)> TicketAsync(PostgresServer server)
    {
        var harness = await TicketsHarness.CreateAsync(server);
        var side = await ReporterSide.CreateAsync(harness);
        var ticket = await harness.Get<TicketReporting>().ReportAsync(new ReportTicket(side.Buluran.Id, TicketCategory.InternetDown, "Internet mati."), Rina, Ct);
        return (harness, ticket);
    }

    private static async Task<(int Records, int Contents)> CountAsync(TicketsHarness harness)
    {
        await using var scope = harness.NewScope();
        var db = scope.ServiceProvider.GetRequiredService<TicketsDbContext>();
        return (await db.TicketAttachments.CountAsync(Ct), await db.TicketAttachmentContents.CountAsync(Ct));
    }

    [Fact]
    public async Task A_photo_is_saved_with_its_bytes_audited_and_served_to_its_reporter_and_the_helpdesk_only()
    {
        var (harness, ticket) = await TicketAsync(server);
        await using var _ = harness;
        var attachments = harness.Get<TicketAttachments>();

        var photo = await attachments.AttachAsync(ticket.Id, Upload("router.png", "image/png", Png), Rina.AsReporter(), isInternal: false, Ct);
        harness.Clock.Advance(TimeSpan.FromMinutes(5));
        var note = await attachments.AttachAsync(ticket.Id, Upload("log.pdf", "application/pdf", "%PDF-1.4 log"u8.ToArray()), Technician.AsHelpdesk()!, isInternal: true, Ct);

        photo.ContentType.ShouldBe("image/png");
        photo.IsImage.ShouldBeTrue();
        photo.Url.ShouldBe($"/tiket/berkas/{photo.Id}");
        harness.Audit.Events.Count(e => e.Action == "ticket.attached").ShouldBe(2);

        await using var scope = harness.NewScope();
        var reader = scope.ServiceProvider.GetRequiredService<TicketAttachments>();
        (await reader.GetFileAsync(photo.Id, Rina, Ct)).Content.ShouldBe(Png);
        (await reader.GetFileAsync(note.Id, Technician, Ct)).ContentType.ShouldBe("application/pdf");
        (await reader.GetFileAsync(photo.Id, Lead, Ct)).FileName.ShouldBe("router.png");
        // The reporter never sees internal files; other employees see nothing; an unknown id is the same "not found".
        (await Should.ThrowAsync<DomainRuleException>(() => reader.GetFileAsync(note.Id, Rina, Ct))).Error.ShouldBe(TicketErrors.NotFound);
        (await Should.ThrowAsync<DomainRuleException>(() => reader.GetFileAsync(photo.Id, Sari, Ct))).Error.ShouldBe(TicketErrors.NotFound);
        (await Should.ThrowAsync<DomainRuleException>(() => reader.GetFileAsync(Guid.NewGuid(), Lead, Ct))).Error.ShouldBe(TicketErrors.NotFound);
        (await reader.ListAsync(ticket.Id, Rina, Ct)).Select(a => a.FileName).ShouldBe(["router.png"]);
        (await reader.ListAsync(ticket.Id, Technician, Ct)).Select(a => a.FileName).ShouldBe(["router.png", "log.pdf"]);
        (await reader.ListAsync(ticket.Id, Sari, Ct)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("foto.jpg", "image/jpeg", "MZ\u0090 executable")]
    [InlineData("foto.png", "image/png", "%PDF-1.4 a document dressed as a photo")]
    [InlineData("gambar", "image/webp", "<svg onload=alert(1)>")]
    public async Task A_file_disguised_as_a_photo_is_refused_and_what_was_saved_stays(string name, string type, string content)
    {
        var (harness, ticket) = await TicketAsync(server);
        await using var _ = harness;
        var attachments = harness.Get<TicketAttachments>();
        await attachments.AttachAsync(ticket.Id, Upload("router.png", "image/png", Png), Rina.AsReporter(), false, Ct);

        var refused = await Should.ThrowAsync<DomainRuleException>(() =>
            attachments.AttachAsync(ticket.Id, Upload(name, type, System.Text.Encoding.Latin1.GetBytes(content)), Rina.AsReporter(), false, Ct));

        refused.Error.Code.ShouldBe("tickets.attachment.not-image");
        refused.Error.Indonesian.ShouldContain(name);
        refused.Error.English.ShouldContain("not a photo");
        (await CountAsync(harness)).ShouldBe((1, 1));
    }

    [Fact]
    public async Task A_document_of_another_kind_is_refused_with_a_bilingual_error()
    {
        var (harness, ticket) = await TicketAsync(server);
        await using var _ = harness;

        var refused = await Should.ThrowAsync<DomainRuleException>(() =>
            harness.Get<TicketAttachments>().AttachAsync(ticket.Id, Upload("data.xlsx", "application/vnd.ms-excel", "PK\u0003\u0004"u8.ToArray()), Rina.AsReporter(), false, Ct));

        refused.Error.Code.ShouldBe("tickets.attachment.type");
        (await CountAsync(harness)).ShouldBe((0, 0));
    }

    [Fact]
    public async Task A_huge_upload_is_refused_at_the_limit_without_reading_it_all_and_nothing_is_saved()
    {
        var (harness, ticket) = await TicketAsync(server);
        await using var _ = harness;
        var attachments = harness.Get<TicketAttachments>();
        var limit = harness.Get<Microsoft.Extensions.Options.IOptions<TicketsOptions>>().Value.MaxAttachmentBytes;

        // A browser that announces a small file and then sends a gigabyte.
        var endless = new EndlessPhoto(1L << 30);
        var lying = new TicketUpload("besar.jpg", "image/jpeg", 1000, _ => Task.FromResult<Stream>(endless));
        var refused = await Should.ThrowAsync<DomainRuleException>(() => attachments.AttachAsync(ticket.Id, lying, Rina.AsReporter(), false, Ct));
        refused.Error.Code.ShouldBe("tickets.attachment.too-large");
        refused.Error.English.ShouldContain($"at most {limit / 1024 / 1024} MB");
        endless.BytesRead.ShouldBeLessThanOrEqualTo(limit + (64 * 1024));

        // An honest announcement of a huge file is refused before anything is read.
        var opened = false;
        var honest = new TicketUpload("besar.jpg", "image/jpeg", limit + 1, _ =>
        {
            opened = true;
            return Task.FromResult<Stream>(new EndlessPhoto(limit + 1));
        });
        (await Should.ThrowAsync<DomainRuleException>(() => attachments.AttachAsync(ticket.Id, honest, Rina.AsReporter(), false, Ct))).Error.Code.ShouldBe("tickets.attachment.too-large");
        opened.ShouldBeFalse();

        (await CountAsync(harness)).ShouldBe((0, 0));
        harness.Audit.Events.ShouldNotContain(e => e.Action == "ticket.attached");
    }

    [Fact]
    public async Task Photos_sent_with_a_report_are_saved_with_it_in_one_transaction()
    {
        await using var harness = await TicketsHarness.CreateAsync(server);
        var side = await ReporterSide.CreateAsync(harness);
        var photo = await harness.Get<TicketAttachments>().CheckAsync(Upload("ont.png", "image/png", Png), Ct);

        var ticket = await harness.Get<TicketReporting>().ReportAsync(new ReportTicket(side.Buluran.Id, TicketCategory.InternetDown, "Internet mati.", Files: [photo]), Rina, Ct);

        (await CountAsync(harness)).ShouldBe((1, 1));
        (await harness.Get<TicketAttachments>().ListAsync(ticket.Id, Rina, Ct)).ShouldHaveSingleItem().FileName.ShouldBe("ont.png");
        harness.Audit.Events.Select(e => e.Action).Where(a => a.StartsWith("ticket.", StringComparison.Ordinal)).ShouldBe(["ticket.reported", "ticket.attached"]);
    }

    /// <summary>A stream of a JPEG header followed by as many bytes as asked, counting what was read.</summary>
    private sealed class EndlessPhoto(long length) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - BytesRead);
            if (BytesRead == 0 && n >= 3)
            {
                buffer[offset] = 0xFF;
                buffer[offset + 1] = 0xD8;
                buffer[offset + 2] = 0xFF;
            }

            BytesRead += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
