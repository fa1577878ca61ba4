using Superapps.Identity;
using Superapps.Identity.Features.Connect;
using Superapps.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults("identity");
builder.AddIdentityServer();

var app = builder.Build();

app.UseForwardedHeaders();
app.UseExceptionHandler("/Error");
app.UseStatusCodePages();
app.UseRequestLocalization();
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapHealthEndpoints();
app.MapCultureSwitch();
app.MapConnectEndpoints();
app.MapRazorPages();
app.MapGet("/", () => Results.Redirect("/Account/Manage/Sessions"));

app.Run();

/// <summary>The identity server's entry point (visible to tests).</summary>
public partial class Program;
