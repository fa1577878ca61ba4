using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor;
using Npgsql;
using Superapps.Modularity;
using Superapps.Notifications.Contracts;
using Superapps.Notifications.Data;
using Superapps.Notifications.Features.Delivery;
using Superapps.Notifications.Features.Inbox;
using Superapps.Notifications.Features.Live;
using Superapps.Notifications.Features.Notify;
using Superapps.Notifications.Features.Preferences;
using Superapps.SharedKernel;

namespace Superapps.Notifications;

/// <summary>Registers the Notifications module in a host.</summary>
public static class NotificationsModule
{
    /// <summary>
    /// Adds <see cref="INotifier"/>, the notices' data, the live stream fed by PostgreSQL LISTEN/NOTIFY, the e-mail and WhatsApp
    /// delivery with its background dispatcher, and the pages. Needs an <see cref="NpgsqlDataSource"/> and the organisation directory.
    /// </summary>
    public static IServiceCollection AddNotificationsModule(this IServiceCollection services)
    {
        services.AddOptions<NotificationsOptions>().BindConfiguration(NotificationsOptions.Section)
            .PostConfigure<IConfiguration>((options, configuration) =>
                options.PickupDirectory ??= Path.Combine(configuration["Superapps:DataDirectory"] ?? ".data", "mail-pickup"))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddDbContextFactory<NotificationsDbContext>((sp, options) => options.UseModuleDatabase(sp.GetRequiredService<NpgsqlDataSource>(), NotificationsDbContext.Schema));
        services.TryAddSingleton(TimeProvider.System);
        services.AddMigrationsInitializer<NotificationsDbContext>(order: 40);
        services.AddHttpClient(HttpWhatsAppGateway.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(20));

        services.TryAddSingleton<NoticeStream>();
        services.TryAddSingleton<DeliverySignal>();
        services.TryAddSingleton<INotifier, Notifier>();
        services.TryAddSingleton<IEmailSender, MailKitEmailSender>();
        services.TryAddSingleton<IDocumentMailer, MailKitEmailSender>();
        services.TryAddSingleton<IWhatsAppGateway, HttpWhatsAppGateway>();
        services.TryAddScoped<DeliveryDispatcher>();
        services.TryAddScoped<NotificationInbox>();
        services.TryAddScoped<NotificationPreferences>();
        services.TryAddSingleton<NoticeListener>();
        services.AddHostedService(sp => sp.GetRequiredService<NoticeListener>());
        services.AddHostedService<DeliveryWorker>();
        services.AddPortalModule<NotificationsPortalModule>();
        return services;
    }

}

/// <summary>The Notifications module as the portal shell sees it: the bell in the top bar, the list and the settings.</summary>
public sealed class NotificationsPortalModule : IPortalModule
{
    public string Name => NotificationsDbContext.Schema;

    public Assembly PagesAssembly => typeof(NotificationsPortalModule).Assembly;

    public IReadOnlyList<NavigationItem> Navigation { get; } =
    [
        new("Notifikasi", "Notifications", "/notifikasi", Icons.Material.Filled.Notifications, Policies.Employee, 900,
            "Pemberitahuan untuk Anda dan pilihan saluran", "Notices for you and your channels"),
    ];

    public IReadOnlyList<Type> TopBarItems { get; } = [typeof(Pages.Bell.NotificationBell)];

    public void AddPolicies(AuthorizationOptions options)
    {
        // The pages need a signed-in employee only (Policies.Employee, added by the portal).
    }
}
