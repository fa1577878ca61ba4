using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Superapps.Organization.Contracts;
using Superapps.Testing;
using Superapps.Tickets.Contracts;
using Superapps.Tickets.Data;
using Superapps.Tickets.Domain.Sites;
using Superapps.Tickets.Features.MailIntake;
using Superapps.Tickets.Features.Sites;

namespace Superapps.Tickets.IntegrationTests;

/// <summary>
/// E-mail intake through the local inbound path: .eml files dropped in <c>new/</c> become tickets on PostgreSQL, or are set aside in
/// <c>rejected/</c> with their reason; handled ones end in <c>done/</c>; one Message-ID never makes two tickets.
/// </summary>
public sealed class MailIntakeTests(PostgresServer server) : IAsyncLifetime
{
    private readonly string _inbound = Path.Combine(Path.GetTempPath(), "superapps-inbound-" + Guid.NewGuid().ToString("N"));
    private TicketsHarness _harness = null!;
    private Site _beringin = null!;
    private Site _beringinSchool = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _harness = await TicketsHarness.CreateAsync(server, s =>
        {
            s.AddSingleton<IOrganizationDirectory, TestDirectory>();
            s.Configure<TicketsOptions>(o => o.MailIntake.InboundDirectory = _inbound);
        });
        var register = _harness.Get<SiteRegister>();
        var core = await register.AddCoreAsync("CORE-DC", "Core", Ct);
        var node = await register.AddDistributionAsync("DIST-PASARDEMO", "Distribusi Pasar", core.Id, Ct);
        _beringin = await register.AddSiteAsync(new SiteDetails("KEL-BERINGIN", "Kantor Kelurahan Beringin", SiteKind.Kelurahan, TestDirectory.Beringin.AgencyId,
            TestDirectory.Beringin.Name, null, null, null), node.Id, Ct);
        _beringinSchool = await register.AddSiteAsync(new SiteDetails("SDN-BERINGIN", "SD Negeri Beringin", SiteKind.School, TestDirectory.Beringin.AgencyId,
            TestDirectory.Beringin.Name, null, null, null), node.Id, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _harness.DisposeAsync();
        if (Directory.Exists(_inbound))
        {
            Directory.Delete(_inbound, recursive: true);
        }
    }

    private void Drop(string fileName, MimeMessage message)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_inbound, "new"));
        message.WriteTo(Path.Combine(folder.FullName, fileName));
    }

    private static MimeMessage Mail(string from, string subject, string? text = null, string? html = null, string? messageId = null, byte[]? image = null)
    {
        var body = new BodyBuilder { TextBody = text, HtmlBody = html };
        if (image is not null)
        {
            body.Attachments.Add("kabel.png", image, new ContentType("image", "png"));
            body.Attachments.Add("catatan.txt", "bukan gambar"u8.ToArray(), new ContentType("text", "plain"));
        }

        var message = new MimeMessage { Subject = subject, Body = body.ToMessageBody() };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse("helpdesk@kota.go.id"));
        message.MessageId = messageId ?? MimeKit.Utils.MimeUtils.GenerateMessageId("kelurahan-beringin.go.id");
        return message;
    }

    private string[] Files(string folder) =>
        Directory.Exists(Path.Combine(_inbound, folder)) ? [.. Directory.GetFiles(Path.Combine(_inbound, folder)).Select(Path.GetFileName).Order()!] : [];

    private async Task<MailIntakeRun> RunAsync()
    {
        await using var scope = _harness.NewScope();
        return await scope.ServiceProvider.GetRequiredService<MailIntakeService>().RunAsync(Ct);
    }

    [Fact]
    public async Task A_plain_mail_with_a_site_code_becomes_a_ticket_of_that_site_by_the_sender()
    {
        Drop("0001.eml", Mail("Rina Marlina <RINA@kelurahan-beringin.go.id>", "[SDN-BERINGIN] Internet mati", "Sejak pagi internet di ruang guru mati total."));

        (await RunAsync()).ShouldBe(new MailIntakeRun(1, 0, 0));

        await using var scope = _harness.NewScope();
        var ticket = await scope.ServiceProvider.GetRequiredService<TicketsDbContext>().Tickets.SingleAsync(Ct);
        ticket.SiteId.ShouldBe(_beringinSchool.Id);
        ticket.Category.ShouldBe(TicketCategory.InternetDown);
        ticket.ReporterUserId.ShouldBe(TestDirectory.Rina.EmployeeId.ToString());
        ticket.Description.ShouldBe("Internet mati\n\nSejak pagi internet di ruang guru mati total.");
        Files("new").ShouldBeEmpty();
        Files("done").ShouldBe(["0001.eml"]);
        var inbound = await scope.ServiceProvider.GetRequiredService<TicketsDbContext>().InboundMessages.SingleAsync(Ct);
        (inbound.Outcome, inbound.TicketNumber).ShouldBe((InboundOutcome.Ticketed, ticket.Number));
        _harness.Audit.Events.ShouldContain(e => e.Action == "mail.ticketed" && e.Summary.Contains(ticket.Number));
    }

    [Fact]
    public async Task An_html_mail_with_an_image_and_no_code_takes_the_senders_first_site_the_text_and_the_image()
    {
        Drop("0002.eml", Mail("rina@kelurahan-beringin.go.id", "Kabel FO putus", html: "<p>Kabel <b>fiber</b> putus</p><p>kena galian pipa</p>",
            image: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]));

        (await RunAsync()).Ticketed.ShouldBe(1);

        await using var scope = _harness.NewScope();
        var ticket = await scope.ServiceProvider.GetRequiredService<TicketsDbContext>().Tickets.Include(t => t.Attachments).SingleAsync(Ct);
        ticket.SiteId.ShouldBe(_beringin.Id, "KEL-BERINGIN comes first by code among the OPD's sites");
        ticket.Category.ShouldBe(TicketCategory.FibreCut);
        ticket.Description.ShouldBe("Kabel FO putus\n\nKabel fiber putus\n\nkena galian pipa");
        var attachment = ticket.Attachments.Single();
        (attachment.FileName, attachment.ContentType, attachment.SizeBytes).ShouldBe(("kabel.png", "image/png", 11L));
        (await scope.ServiceProvider.GetRequiredService<TicketsDbContext>().TicketAttachmentContents.SingleAsync(c => c.AttachmentId == attachment.Id, Ct))
            .Content.Length.ShouldBe(11, "the image's bytes are stored with the ticket, as an upload's are");
        Files("done").ShouldBe(["0002.eml"]);
    }

    [Fact]
    public async Task Mail_from_an_unknown_sender_or_for_an_unknown_site_is_set_aside_with_its_reason_and_audited()
    {
        Drop("0003.eml", Mail("orang.asing@gmail.com", "Internet mati", "Tolong dibantu."));
        Drop("0004.eml", Mail("rina@kelurahan-beringin.go.id", "[KEL-ENTAH] Internet mati", "Tolong dibantu."));
        Drop("0005.eml", Mail("andi@diskominfo.go.id", "Wifi lambat", "Diskominfo belum punya lokasi di register."));

        (await RunAsync()).ShouldBe(new MailIntakeRun(0, 0, 3));

        Files("rejected").ShouldBe(["0003.eml", "0003.eml.reason.txt", "0004.eml", "0004.eml.reason.txt", "0005.eml", "0005.eml.reason.txt"]);
        (await File.ReadAllTextAsync(Path.Combine(_inbound, "rejected", "0003.eml.reason.txt"), Ct)).ShouldContain("orang.asing@gmail.com tidak dikenal");
        (await File.ReadAllTextAsync(Path.Combine(_inbound, "rejected", "0004.eml.reason.txt"), Ct)).ShouldContain("[KEL-ENTAH]");
        (await File.ReadAllTextAsync(Path.Combine(_inbound, "rejected", "0005.eml.reason.txt"), Ct)).ShouldContain("has no network site");
        _harness.Audit.Events.Count(e => e.Action == "mail.rejected").ShouldBe(3);
        await using var scope = _harness.NewScope();
        (await scope.ServiceProvider.GetRequiredService<TicketsDbContext>().Tickets.CountAsync(Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task The_same_message_id_twice_makes_one_ticket_and_both_files_end_in_done()
    {
        var message = Mail("rina@kelurahan-beringin.go.id", "Internet lambat", "Lambat sekali.", messageId: "intake-twice@kelurahan-beringin.go.id");
        Drop("0006.eml", message);
        (await RunAsync()).ShouldBe(new MailIntakeRun(1, 0, 0));

        Drop("0007.eml", message);
        Drop("0008.eml", message);
        (await RunAsync()).ShouldBe(new MailIntakeRun(0, 2, 0));

        await using var scope = _harness.NewScope();
        (await scope.ServiceProvider.GetRequiredService<TicketsDbContext>().Tickets.CountAsync(Ct)).ShouldBe(1);
        Files("done").ShouldBe(["0006.eml", "0007.eml", "0008.eml"]);
        Files("new").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_file_that_is_not_a_mail_is_set_aside_and_an_interrupted_claim_is_not_ticketed_twice()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_inbound, "new"));
        await File.WriteAllBytesAsync(Path.Combine(folder.FullName, "rusak.eml"), [], Ct);
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, ".tulis-sementara"), "diabaikan", Ct);

        // A run that stopped after claiming this Message-ID (before its ticket existed).
        var message = Mail("rina@kelurahan-beringin.go.id", "Internet mati", "Mati.", messageId: "interrupted@kelurahan-beringin.go.id");
        await using (var scope = _harness.NewScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TicketsDbContext>();
            db.InboundMessages.Add(new InboundMessage(message.MessageId!, "0009.eml", "rina@kelurahan-beringin.go.id", message.Subject, _harness.Clock.GetUtcNow()));
            await db.SaveChangesAsync(Ct);
        }

        Drop("0009.eml", message);

        (await RunAsync()).ShouldBe(new MailIntakeRun(0, 0, 2));

        Files("rejected").ShouldBe(["0009.eml", "0009.eml.reason.txt", "rusak.eml", "rusak.eml.reason.txt"]);
        Files("new").ShouldBe([".tulis-sementara"]);
        (await File.ReadAllTextAsync(Path.Combine(_inbound, "rejected", "0009.eml.reason.txt"), Ct)).ShouldContain("interrupted");
    }
}
