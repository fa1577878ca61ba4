using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;
using Superapps.Letters.Contracts;
using Superapps.Letters.Data;
using Superapps.Letters.Domain;
using Superapps.Letters.Domain.Drafting;
using Superapps.Letters.Features.Drafting;
using Superapps.Letters.Features.Inbox;
using Superapps.Letters.Features.Numbering;
using Superapps.Letters.Features.Sending;
using Superapps.Letters.Features.Signing;
using Superapps.Notifications;
using Superapps.Organization;
using Superapps.Organization.Data;
using Superapps.SharedKernel;
using Superapps.Testing;

namespace Superapps.Letters.IntegrationTests.Drafting;

/// <summary>
/// Sending through the real e-mail path (the Notifications module writing .eml files to a pickup folder) and internal copies
/// (tembusan) delivered as copies, on a fresh database with the real migrations.
/// </summary>
public sealed class ExternalMailAndCopyTests(PostgresServer server) : IAsyncLifetime
{
    private const string ExternalEmail = "surat@jaringan.example";

    private readonly string _pickup = Path.Combine(Path.GetTempPath(), $"superapps-mail-{Guid.NewGuid():N}");
    private DraftingWorld _world = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _world = await DraftingWorld.CreateAsync(server, _pickup);
        var admin = await _world.ViewerAsync(DraftingWorld.HolderOf(_world.Kepala));
        await _world.WithAsync(sp => sp.GetRequiredService<NumberingSettings>().SaveAsync(admin, isAgencyAdministrator: true,
            new NumberingSettingsInput(LetterNumberFormat.DefaultTemplate, "DISKOMINFO", "Jalan Merdeka No. 1", null), Ct));
    }

    public async ValueTask DisposeAsync()
    {
        await _world.DisposeAsync();
        if (Directory.Exists(_pickup))
        {
            Directory.Delete(_pickup, recursive: true);
        }
    }

    private Task<Viewer> ViewerOf(Organization.Contracts.PositionInfo position) => _world.ViewerAsync(DraftingWorld.HolderOf(position));

    private string[] Mails() => Directory.Exists(_pickup) ? Directory.GetFiles(_pickup, "*.eml") : [];

    /// <summary>Drafted by the staff member with <paramref name="change"/> applied, approved by every reviewer: waiting for the Kepala.</summary>
    private async Task<Guid> AtSignerAsync(Func<DraftInput, DraftInput> change)
    {
        var staf = await ViewerOf(_world.Staf);
        var input = change(await _world.NotaDinasAsync(_world.Staf.PositionId));
        var id = await _world.WithAsync(sp => sp.GetRequiredService<DraftingDesk>().CreateAsync(staf, input, Ct));
        await _world.WithAsync(async sp => await sp.GetRequiredService<DraftingDesk>().SubmitAsync(staf, id, (await _world.LoadAsync(id)).Version, Ct));
        foreach (var reviewer in input.ReviewerPositionIds)
        {
            var position = await _world.WithAsync(sp => sp.GetRequiredService<Organization.Contracts.IOrganizationDirectory>().GetPositionAsync(reviewer, Ct));
            var viewer = await ViewerOf(position!);
            await _world.WithAsync(async sp => await sp.GetRequiredService<DraftingDesk>().ApproveAsync(viewer, id, "Setuju", (await _world.LoadAsync(id)).Version, Ct));
        }

        return id;
    }

    private async Task<SigningResult> SignAsync(Guid id) =>
        await _world.WithAsync(async sp => await sp.GetRequiredService<OutgoingLetterSigning>().SignAsync(await ViewerOf(_world.Kepala), id, FakeSigner.Passphrase,
            (await _world.LoadAsync(id)).Version, Ct));

    private static DraftInput WithExternal(DraftInput input, SecurityClass securityClass = SecurityClass.Biasa) => input with
    {
        SecurityClass = securityClass,
        Addressees = [AddresseeInput.ToAgency(input.Addressees[0].AgencyId!.Value), AddresseeInput.External("PT Jaringan Nusantara", "Jalan Sudirman 5, Jakarta", ExternalEmail)],
    };

    [Fact]
    public async Task A_signed_letter_is_mailed_once_to_its_external_addressee_with_the_signed_pdf_attached_even_when_sent_again()
    {
        var id = await AtSignerAsync(i => WithExternal(i));

        (await SignAsync(id)).Sent.ShouldBeTrue();

        var letter = await _world.LoadAsync(id);
        letter.State.ShouldBe(OutgoingLetterState.Sent);
        var file = Mails().ShouldHaveSingleItem();
        using var message = await MimeMessage.LoadAsync(file, Ct);
        message.To.Mailboxes.ShouldHaveSingleItem().Address.ShouldBe(ExternalEmail);
        (message.Subject ?? string.Empty).ShouldContain(letter.AgencyName);
        var text = message.TextBody ?? string.Empty;
        text.ShouldContain(letter.Number!);
        text.ShouldContain("Perihal: Permohonan data pembangunan");
        text.ShouldContain($"https://portal.test/verifikasi/{letter.VerificationCode}");
        text.ShouldContain("English:");
        var attachment = message.Attachments.OfType<MimePart>().ShouldHaveSingleItem();
        attachment.ContentType.MimeType.ShouldBe("application/pdf");
        using var pdf = new MemoryStream();
        await attachment.Content!.DecodeToAsync(pdf, Ct);
        var signed = await _world.WithAsync(sp => sp.GetRequiredService<LettersDbContext>().OutgoingLetterFiles
            .Where(f => f.OutgoingLetterId == id && f.Kind == OutgoingFileKind.SignedLetter).Select(f => f.Content).SingleAsync(Ct));
        pdf.ToArray().ShouldBe(signed);

        // A retry of the same mail (a second "Kirim ulang", a second instance) finds it mailed and sends nothing.
        var mail = new ExternalLetterMail($"letters.outgoing:{id}:{ExternalEmail}", id, "PT Jaringan Nusantara", ExternalEmail, letter.Number!, letter.Subject,
            letter.SecurityClass, letter.AgencyName, new Uri("https://portal.test/verifikasi/x"), "surat.pdf", signed);
        await _world.WithAsync(sp => sp.GetRequiredService<IExternalLetterMailer>().SendAsync(mail, Ct));
        Mails().Length.ShouldBe(1);
        var record = await _world.WithAsync(sp => sp.GetRequiredService<LettersDbContext>().ExternalMails.SingleAsync(m => m.OutgoingLetterId == id, Ct));
        record.ToEmail.ShouldBe(ExternalEmail);
        _world.Module.Audit.Events.Count(e => e.Action == "draft.mailed" && e.EntityId == id.ToString()).ShouldBe(1);
    }

    [Fact]
    public async Task A_failed_mail_leaves_the_letter_signed_not_sent_with_the_reason_and_sending_again_mails_once()
    {
        var id = await AtSignerAsync(i => WithExternal(i, SecurityClass.Rahasia));
        var options = _world.Module.Services.GetRequiredService<IOptions<NotificationsOptions>>().Value;
        var blocker = Path.Combine(Path.GetTempPath(), $"superapps-blocked-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(blocker, "not a folder", Ct);
        options.PickupDirectory = Path.Combine(blocker, "mail");
        try
        {
            (await SignAsync(id)).Sent.ShouldBeFalse();
        }
        finally
        {
            options.PickupDirectory = _pickup;
            File.Delete(blocker);
        }

        var failed = await _world.LoadAsync(id);
        failed.State.ShouldBe(OutgoingLetterState.Signed);
        failed.SendError.ShouldNotBeNullOrWhiteSpace();
        failed.Number.ShouldNotBeNull();
        (await _world.WithAsync(sp => sp.GetRequiredService<LettersDbContext>().OutgoingLetterFiles
            .CountAsync(f => f.OutgoingLetterId == id && f.Kind == OutgoingFileKind.SignedLetter, Ct))).ShouldBe(1);
        Mails().ShouldBeEmpty();
        (await _world.WithAsync(sp => sp.GetRequiredService<LettersDbContext>().ExternalMails.CountAsync(m => m.OutgoingLetterId == id, Ct))).ShouldBe(0);
        // The internal addressee got it before the mail failed; sending again does not deliver it twice.
        var source = OutgoingLetterSending.SourceId(id, _world.OtherHead.PositionId);
        (await _world.WithAsync(sp => sp.GetRequiredService<LettersDbContext>().Letters.CountAsync(l => l.SourceId == source, Ct))).ShouldBe(1);

        var staf = await ViewerOf(_world.Staf);
        await _world.WithAsync(sp => sp.GetRequiredService<OutgoingLetterSending>().SendAsync(staf, id, Ct));

        (await _world.LoadAsync(id)).State.ShouldBe(OutgoingLetterState.Sent);
        using var message = await MimeMessage.LoadAsync(Mails().ShouldHaveSingleItem(), Ct);
        // A Rahasia letter's mail names the number, not the subject.
        (message.TextBody ?? string.Empty).ShouldNotContain("Permohonan data pembangunan");
        (message.Subject ?? string.Empty).ShouldNotContain("Permohonan data pembangunan");
        (message.TextBody ?? string.Empty).ShouldContain(failed.Number!);
        (await _world.WithAsync(sp => sp.GetRequiredService<LettersDbContext>().Letters.CountAsync(l => l.SourceId == source, Ct))).ShouldBe(1);
    }

    [Fact]
    public async Task An_internal_copy_reaches_the_copy_recipient_marked_as_a_copy_and_not_awaiting_follow_up()
    {
        var copyPosition = await _world.WithAsync(async sp =>
        {
            var organization = sp.GetRequiredService<OrganizationDbContext>();
            return await organization.Positions.Where(p => p.AgencyId == _world.OtherAgency && !p.IsHeadOfAgency)
                .Where(p => organization.Employees.Any(e => e.PositionId == p.Id)).OrderBy(p => p.Title).Select(p => p.Id).FirstAsync(Ct);
        });
        var copyHolder = await _world.WithAsync(async sp => (await sp.GetRequiredService<Organization.Contracts.IOrganizationDirectory>().GetPositionAsync(copyPosition, Ct))!);
        var copyViewer = await ViewerOf(copyHolder);
        var head = await ViewerOf(_world.OtherHead);
        var before = await _world.WithAsync(sp => sp.GetRequiredService<InboxQueries>().CountersAsync(copyViewer, Ct));
        var id = await AtSignerAsync(i => i with { CarbonCopies = [.. i.CarbonCopies, new CarbonCopyInput(copyPosition, null)] });

        (await SignAsync(id)).Sent.ShouldBeTrue();

        var all = new InboxSearch(null, null, null, InboxStatus.All, null, null, 0, 20, null, true);
        var number = (await _world.LoadAsync(id)).Number;
        var copyRow = (await _world.WithAsync(sp => sp.GetRequiredService<InboxQueries>().SearchAsync(copyViewer, all, Ct))).Items
            .Where(r => r.SenderNumber == number).ShouldHaveSingleItem();
        copyRow.Copy.ShouldBeTrue();
        var headRow = (await _world.WithAsync(sp => sp.GetRequiredService<InboxQueries>().SearchAsync(head, all, Ct))).Items
            .Where(r => r.SenderNumber == number).ShouldHaveSingleItem();
        headRow.Copy.ShouldBeFalse();

        var after = await _world.WithAsync(sp => sp.GetRequiredService<InboxQueries>().CountersAsync(copyViewer, Ct));
        after.UnreadCopies.ShouldBe(before.UnreadCopies + 1);
        after.UnreadLetters.ShouldBe(before.UnreadLetters);
        after.LettersWithoutFollowUp.ShouldBe(before.LettersWithoutFollowUp);

        var recipient = await _world.WithAsync(sp => sp.GetRequiredService<LettersDbContext>().Recipients
            .SingleAsync(r => r.PositionId == copyPosition && sp.GetRequiredService<LettersDbContext>().Letters.Any(l => l.Id == r.LetterId && l.SenderNumber == number), Ct));
        recipient.Kind.ShouldBe(RecipientKind.Cc);
        // The copy recipient opens it; the letter is still for information only.
        var view = await _world.WithAsync(sp => sp.GetRequiredService<Features.Desk.LetterDesk>().OpenAsync(copyViewer, recipient.LetterId, Ct));
        view.Recipients.ShouldHaveSingleItem().Kind.ShouldBe(RecipientKind.Cc);
    }
}
