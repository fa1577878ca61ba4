using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Superapps.Notifications.Contracts;
using Superapps.Notifications.Domain;
using Superapps.Notifications.Features.Preferences;
using Superapps.Testing;

namespace Superapps.Notifications.IntegrationTests;

/// <summary>Storing notices and delivering them by e-mail and WhatsApp, against real PostgreSQL, a local SMTP server and a local gateway.</summary>
public sealed class DeliveryTests(PostgresServer server) : IAsyncLifetime
{
    private NotificationsHarness _harness = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _harness = await NotificationsHarness.StartAsync(server);

    public async ValueTask DisposeAsync() => await _harness.DisposeAsync();

    private Guid Employee(int i) => _harness.Employees[i].Id;

    private async Task ChooseAsync(Guid employeeId, bool email, bool whatsApp, string? number = null, NoticeTopic[]? emailMuted = null)
    {
        await using var scope = _harness.Module.CreateScope();
        await scope.ServiceProvider.GetRequiredService<NotificationPreferences>()
            .SaveAsync(employeeId, new PreferenceInput(email, whatsApp, number, emailMuted ?? [], []), Ct);
    }

    private static MimeMessage Parse(SmtpMessage message) => MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(message.Data)));

    [Fact]
    public async Task A_notice_is_stored_once_per_recipient_and_key()
    {
        var notice = NotificationsHarness.Notice(Employee(0), "letters.disposition:1:given") with { RecipientEmployeeIds = [Employee(0), Employee(1), Employee(0)] };

        await _harness.NotifyAsync(notice);
        await Task.WhenAll(_harness.NotifyAsync(notice), _harness.NotifyAsync(notice));
        await _harness.NotifyAsync(notice with { Key = "letters.disposition:1:reported" });

        var stored = await _harness.DbAsync(db => db.Notifications.Where(n => n.Key == "letters.disposition:1:given").Select(n => n.RecipientEmployeeId).ToListAsync(Ct));
        stored.ShouldBe([Employee(0), Employee(1)], ignoreOrder: true);
        (await _harness.DbAsync(db => db.Notifications.CountAsync(Ct))).ShouldBe(4);
        (await _harness.DbAsync(db => db.Deliveries.CountAsync(Ct))).ShouldBe(4, "one e-mail per stored notice, none for the repeats");
    }

    [Fact]
    public async Task Preferences_decide_the_channels_per_user_and_topic()
    {
        await ChooseAsync(Employee(1), email: true, whatsApp: true, number: "0812-3456-7890", emailMuted: [NoticeTopic.NewDisposition]);
        await ChooseAsync(Employee(2), email: false, whatsApp: false);

        await _harness.NotifyAsync(NotificationsHarness.Notice(Employee(0), "k1") with { RecipientEmployeeIds = [Employee(0), Employee(1), Employee(2)] });
        await _harness.NotifyAsync(NotificationsHarness.Notice(Employee(1), "k2", NoticeTopic.NewLetter));

        (await _harness.DeliveriesForAsync(Employee(0), "k1")).Select(d => d.Channel).ShouldBe([Channel.Email], "e-mail is on by default, WhatsApp off");
        (await _harness.DeliveriesForAsync(Employee(1), "k1")).Select(d => d.Channel).ShouldBe([Channel.WhatsApp], "e-mail is muted for dispositions");
        (await _harness.DeliveriesForAsync(Employee(2), "k1")).ShouldBeEmpty("in the portal only");
        (await _harness.DeliveriesForAsync(Employee(1), "k2")).Select(d => d.Channel).ShouldBe([Channel.Email, Channel.WhatsApp]);
        (await _harness.DbAsync(db => db.Notifications.CountAsync(n => n.Key == "k1", Ct))).ShouldBe(3, "in the portal everyone is told");
    }

    [Fact]
    public async Task An_email_reaches_the_smtp_server_in_both_languages_with_the_link()
    {
        await _harness.NotifyAsync(NotificationsHarness.Notice(Employee(0), "mail"));

        (await _harness.DispatchAsync()).ShouldBe(1);

        var received = await _harness.Smtp.WaitForAsync(m => m.Count == 1);
        received[0].Recipients.ShouldBe([_harness.Employees[0].Email]);
        var message = Parse(received[0]);
        message.Subject!.ShouldContain("Disposisi baru: Pelaksanaan evaluasi SPBE 2026");
        message.Subject!.ShouldContain("New disposition");
        message.TextBody!.ShouldContain("Dari Kepala Dinas");
        message.TextBody!.ShouldContain("http://portal.test/surat/0198a1b2-0000-7000-8000-000000000001");
        var delivery = (await _harness.DeliveriesForAsync(Employee(0), "mail")).Single();
        delivery.Status.ShouldBe(DeliveryStatus.Sent);
        delivery.SentAt.ShouldBe(_harness.Clock.GetUtcNow());
        delivery.Address.ShouldBe(_harness.Employees[0].Email);
        (await _harness.DispatchAsync()).ShouldBe(0, "a sent delivery is not sent again");
    }

    [Fact]
    public async Task A_whatsapp_message_is_posted_to_the_gateway_with_the_bearer_token()
    {
        await ChooseAsync(Employee(0), email: false, whatsApp: true, number: "+62 812 3456 7890");
        await _harness.NotifyAsync(NotificationsHarness.Notice(Employee(0), "wa"));

        (await _harness.DispatchAsync()).ShouldBe(1);

        var request = _harness.Gateway.Requests.ShouldHaveSingleItem();
        request.Method.ShouldBe("POST");
        request.Path.ShouldBe("/send");
        request.Authorization.ShouldBe($"Bearer {NotificationsHarness.Token}");
        request.ContentType.ShouldStartWith("application/json");
        using var json = JsonDocument.Parse(request.Body);
        json.RootElement.GetProperty("to").GetString().ShouldBe("6281234567890");
        var text = json.RootElement.GetProperty("text").GetString()!;
        text.ShouldContain("Disposisi baru: Pelaksanaan evaluasi SPBE 2026");
        text.ShouldContain("http://portal.test/surat/");
        (await _harness.DeliveriesForAsync(Employee(0), "wa")).Single().Status.ShouldBe(DeliveryStatus.Sent);
    }

    [Fact]
    public async Task A_failing_gateway_is_retried_with_backoff_and_the_last_error_is_kept()
    {
        await ChooseAsync(Employee(0), email: false, whatsApp: true, number: "081234567890");
        _harness.Gateway.StatusCode = HttpStatusCode.InternalServerError;
        await _harness.NotifyAsync(NotificationsHarness.Notice(Employee(0), "retry"));
        var start = _harness.Clock.GetUtcNow();

        (await _harness.DispatchAsync()).ShouldBe(1);
        var first = (await _harness.DeliveriesForAsync(Employee(0), "retry")).Single();
        first.Status.ShouldBe(DeliveryStatus.Pending);
        first.Attempts.ShouldBe(1);
        first.LastError!.ShouldContain("500");
        first.NextAttemptAt.ShouldBe(start.AddMinutes(1));
        (await _harness.DispatchAsync()).ShouldBe(0, "not due before its backoff");

        _harness.Clock.Advance(TimeSpan.FromMinutes(1));
        (await _harness.DispatchAsync()).ShouldBe(1);
        var second = (await _harness.DeliveriesForAsync(Employee(0), "retry")).Single();
        second.Attempts.ShouldBe(2);
        second.NextAttemptAt.ShouldBe(_harness.Clock.GetUtcNow().AddMinutes(2), "the delay doubles");

        _harness.Gateway.StatusCode = HttpStatusCode.OK;
        _harness.Clock.Advance(TimeSpan.FromMinutes(2));
        (await _harness.DispatchAsync()).ShouldBe(1);
        var sent = (await _harness.DeliveriesForAsync(Employee(0), "retry")).Single();
        sent.Status.ShouldBe(DeliveryStatus.Sent);
        sent.Attempts.ShouldBe(3);
        _harness.Gateway.Requests.Count.ShouldBe(3);

        // A gateway that stays down: given up after the last attempt, with its error.
        _harness.Gateway.StatusCode = HttpStatusCode.InternalServerError;
        await _harness.NotifyAsync(NotificationsHarness.Notice(Employee(0), "down"));
        for (var i = 0; i < 3; i++)
        {
            (await _harness.DispatchAsync()).ShouldBe(1);
            _harness.Clock.Advance(TimeSpan.FromHours(1));
        }

        var failed = (await _harness.DeliveriesForAsync(Employee(0), "down")).Single();
        failed.Status.ShouldBe(DeliveryStatus.Failed);
        failed.Attempts.ShouldBe(3);
        failed.LastError!.ShouldContain("500");
        (await _harness.DispatchAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Sensitive_notices_never_carry_their_subject_in_email_or_whatsapp()
    {
        const string Secret = "Pengadaan server pusat data XK-77";
        await ChooseAsync(Employee(0), email: true, whatsApp: true, number: "081234567890");
        await _harness.NotifyAsync(NotificationsHarness.Notice(Employee(0), "secret", sensitive: true, subject: Secret));
        await _harness.NotifyAsync(NotificationsHarness.Notice(Employee(0), "plain", sensitive: false, subject: Secret));

        (await _harness.DispatchAsync()).ShouldBe(4);

        var mails = (await _harness.Smtp.WaitForAsync(m => m.Count == 2)).Select(Parse).ToList();
        var texts = _harness.Gateway.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("text").GetString()!).ToList();
        texts.Count.ShouldBe(2);

        // The plain notice shows that the check can see the subject when it is there.
        mails.Count(m => (m.Subject ?? string.Empty).Contains("XK-77", StringComparison.Ordinal) && (m.TextBody ?? string.Empty).Contains("XK-77", StringComparison.Ordinal)).ShouldBe(1);
        texts.Count(t => t.Contains("XK-77", StringComparison.Ordinal)).ShouldBe(1);

        var neutralMail = mails.Single(m => !(m.Subject ?? string.Empty).Contains("XK-77", StringComparison.Ordinal));
        neutralMail.TextBody!.ShouldNotContain("XK-77");
        neutralMail.TextBody!.ShouldNotContain("Pengadaan");
        neutralMail.Subject!.ShouldContain("Ada disposisi baru untuk Anda");
        neutralMail.TextBody!.ShouldContain("http://portal.test/surat/0198a1b2-0000-7000-8000-000000000001");
        var neutralText = texts.Single(t => !t.Contains("XK-77", StringComparison.Ordinal));
        neutralText.ShouldNotContain("Pengadaan");
        neutralText.ShouldContain("http://portal.test/surat/0198a1b2-0000-7000-8000-000000000001");
    }
}
