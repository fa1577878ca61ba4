using MudBlazor.Services;
using Superapps.Adapters.Proxy;
using Superapps.Audit;
using Superapps.Letters;
using Superapps.Notifications;
using Superapps.Signing;
using Superapps.Tickets;
using Superapps.Datasets;
using Superapps.AppCatalog;
using Superapps.Adapters.LegacyLetters;
using Superapps.Adapters.NetworkMonitor;
using Superapps.Organization;
using Superapps.Portal;
using Superapps.Portal.Authentication;
using Superapps.Portal.Components;
using Superapps.Scheduling;
using Superapps.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults("portal");
builder.AddPortalAuthentication();
builder.Services.AddPortalAuthorization();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddScheduling();

builder.Services.AddAuditModule();
builder.Services.AddOrganizationModule();
builder.Services.AddLettersModule();
builder.Services.AddNotificationsModule();
builder.Services.AddSigningModule();
builder.Services.AddTicketsModule();
builder.Services.AddDatasetsModule();
builder.Services.AddAppCatalogModule();
builder.Services.AddLegacyProxy();
builder.Services.AddLegacyLettersAdapter();
builder.Services.AddNetworkMonitorAdapter();

var app = builder.Build();

app.UseForwardedHeaders();
app.UseExceptionHandler("/error", createScopeForErrors: true);
app.UseRequestLocalization();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapHealthEndpoints();
app.MapCultureSwitch();
app.MapPortalAuthentication();
app.MapModuleEndpoints();
app.MapLegacyProxy();
// Styles and scripts are public: the public pages (e.g. /verifikasi) need them before anyone signs in.
app.MapStaticAssets().AllowAnonymous();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode()
    .AddModuleAssemblies(app.Services)
    .AllowAnonymousCircuits();

app.Run();

/// <summary>The portal's entry point (visible to tests).</summary>
public partial class Program;
