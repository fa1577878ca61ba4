using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Superapps.Notifications.Contracts;
using Superapps.Notifications.Data;
using Superapps.Notifications.Domain;
using Superapps.Notifications.Features.Delivery;
using Superapps.Organization;
using Superapps.Organization.Data;
using Superapps.Testing;

namespace Superapps.Notifications.IntegrationTests;

/// <summary>
/// The Notifications module over a fresh database with the demo city (employees with e-mail addresses), an SMTP sink and a
/// local WhatsApp gateway, and a clock that moves only when a test moves it.
/// </summary>
public sealed class NotificationsHarness : IAsyncDisposable
{
    public const string Token = "test-gateway-token";
    public static readonly Uri PortalUrl = new("http://portal.test/");

    private NotificationsHarness(ModuleServices module, SmtpSink smtp, HttpCapture gateway, TestClock clock, IReadOnlyList<(Guid Id, string Email)> employees)
    {
        Module = module;
        Smtp = smtp;
        Gateway = gateway;
        Clock = clock;
        Employees = employees;
    }

    public ModuleServices Module { get; }

    public SmtpSink Smtp { get; }

    public HttpCapture Gateway { get; }

    public TestClock Clock { get; }

    /// <summary>Demo employees with an e-mail address.</summary>
    public IReadOnlyList<(Guid Id, string Email)> Employees { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<NotificationsHarness> StartAsync(PostgresServer server, int maxAttempts = 3)
    {
        var smtp = new SmtpSink();
        var gateway = await HttpCapture.StartAsync();
        var clock = new TestClock(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));
        var module = await ModuleServices.CreateAsync(server, s =>
        {
            s.AddOrganizationDirectory();
            s.AddNotificationsModule();
            s.Configure<NotificationsOptions>(o =>
            {
                o.PortalUrl = PortalUrl;
                o.SmtpHost = smtp.Host;
                o.SmtpPort = smtp.Port;
                o.SmtpTls = SmtpTlsMode.None;
                o.From = "Superapps Kota Demo <noreply@kotademo.go.id>";
                o.WhatsAppGatewayUrl = new Uri(gateway.Url, "send");
                o.WhatsAppToken = Token;
                o.MaxAttempts = maxAttempts;
                o.RetryBaseDelay = TimeSpan.FromMinutes(1);
            });
        }, seedDemo: true, clock: clock);
        await using var scope = module.CreateScope();
        var organization = scope.ServiceProvider.GetRequiredService<OrganizationDbContext>();
        var employees = await organization.Employees.Where(e => e.Email != null).OrderBy(e => e.Email).Take(4)
            .Select(e => new { e.Id, e.Email }).ToListAsync(Ct);
        return new NotificationsHarness(module, smtp, gateway, clock, [.. employees.Select(e => (e.Id, e.Email!))]);
    }

    public async Task NotifyAsync(Notice notice)
    {
        await using var scope = Module.CreateScope();
        await scope.ServiceProvider.GetRequiredService<INotifier>().NotifyAsync(notice, Ct);
    }

    public async Task<int> DispatchAsync()
    {
        await using var scope = Module.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DeliveryDispatcher>().ProcessDueAsync(Ct);
    }

    public async Task<T> DbAsync<T>(Func<NotificationsDbContext, Task<T>> query)
    {
        await using var scope = Module.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<NotificationsDbContext>());
    }

    public Task<List<Delivery>> DeliveriesForAsync(Guid employeeId, string key) => DbAsync(db =>
        db.Deliveries.AsNoTracking()
            .Where(d => db.Notifications.Any(n => n.Id == d.NotificationId && n.RecipientEmployeeId == employeeId && n.Key == key))
            .OrderBy(d => d.Channel).ToListAsync(Ct));

    public static Notice Notice(Guid recipient, string key, NoticeTopic topic = NoticeTopic.NewDisposition, bool sensitive = false,
        string subject = "Pelaksanaan evaluasi SPBE 2026") =>
        new([recipient], topic, key, new BilingualText($"Disposisi baru: {subject}", $"New disposition: {subject}"),
            new BilingualText($"Dari Kepala Dinas: Tindak lanjuti ({subject})", $"From the head: Follow up ({subject})"), "/surat/0198a1b2-0000-7000-8000-000000000001", sensitive);

    public async ValueTask DisposeAsync()
    {
        await Module.DisposeAsync();
        await Gateway.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
