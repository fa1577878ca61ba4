using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Superapps.Modularity;

namespace Superapps.ServiceDefaults;

/// <summary>Settings every host shares (section <c>Superapps</c>).</summary>
public sealed class HostOptions
{
    public const string Section = "Superapps";

    /// <summary>The folder for generated keys (data protection, token signing). Git-ignored in development.</summary>
    [Required]
    public string DataDirectory { get; set; } = ".data";
}

/// <summary>The city the portal serves: configuration and data, never code.</summary>
public sealed class CityOptions
{
    public const string Section = "Superapps:City";

    /// <summary>e.g. "Kota Jambi", "Kota Tangerang Selatan".</summary>
    [Required]
    public string Name { get; set; } = string.Empty;

    [Required]
    public string Province { get; set; } = string.Empty;

    /// <summary>The government's name on letterheads, e.g. "Pemerintah Kota Jambi".</summary>
    [Required]
    public string GovernmentName { get; set; } = string.Empty;

    public string Address { get; set; } = string.Empty;

    public string Phone { get; set; } = string.Empty;

    public string Email { get; set; } = string.Empty;

    public string Website { get; set; } = string.Empty;

    /// <summary>A URL or path of the city's logo (PNG or SVG).</summary>
    public string LogoUrl { get; set; } = "/city-logo.svg";

    /// <summary>Where the source of this deployment is offered (AGPL section 13).</summary>
    public string SourceUrl { get; set; } = string.Empty;
}

public static class ServiceDefaultsExtensions
{
    public static readonly CultureInfo[] SupportedCultures = [CultureInfo.GetCultureInfo("id-ID"), CultureInfo.GetCultureInfo("en-US")];

    /// <summary>Logging, OpenTelemetry, health checks, the database, data protection, options and cultures.</summary>
    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder, string applicationName)
    {
        builder.Services.AddOptions<HostOptions>().BindConfiguration(HostOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<CityOptions>().BindConfiguration(CityOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        if (builder.Configuration["Logging:Format"] == "json")
        {
            builder.Logging.ClearProviders().AddJsonConsole();
        }

        builder.AddOpenTelemetry(applicationName);
        builder.AddDatabase();

        var dataDirectory = builder.Configuration[$"{HostOptions.Section}:DataDirectory"] ?? ".data";
        builder.Services.AddDataProtection()
            .SetApplicationName("superapps-" + applicationName)
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys", applicationName, "data-protection")));

        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("id-ID");
            o.SupportedCultures = SupportedCultures;
            o.SupportedUICultures = SupportedCultures;
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        return builder;
    }

    private static void AddDatabase(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("Superapps");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new OptionsValidationException("ConnectionStrings:Superapps", typeof(string),
                ["ConnectionStrings:Superapps is required: the PostgreSQL connection string (the development host sets it)."]);
        }

        builder.Services.AddSingleton(_ => new NpgsqlDataSourceBuilder(connectionString).Build());
        builder.Services.AddDatabaseInitialization();
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), tags: ["live"])
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
    }

    private static void AddOpenTelemetry(this IHostApplicationBuilder builder, string applicationName)
    {
        builder.Logging.AddOpenTelemetry(o =>
        {
            o.IncludeFormattedMessage = true;
            o.IncludeScopes = true;
        });
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("superapps-" + applicationName))
            .WithMetrics(m => m.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentationIfAvailable())
            .WithTracing(t => t.AddAspNetCoreInstrumentation(o => o.Filter = c => !c.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddNpgsql());

        // Export only when a collector is configured (OTEL_EXPORTER_OTLP_ENDPOINT).
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            otel.UseOtlpExporter();
        }
    }

    private static MeterProviderBuilder AddRuntimeInstrumentationIfAvailable(this MeterProviderBuilder builder) =>
        builder.AddMeter("System.Runtime");

    /// <summary><c>/health/live</c> (the process answers) and <c>/health/ready</c> (the database answers too).</summary>
    public static WebApplication MapHealthEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = c => c.Tags.Contains("live") }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = _ => true }).AllowAnonymous();
        return app;
    }

    /// <summary><c>/culture?lang=en&amp;returnUrl=/</c> stores the language choice in a cookie shared by identity and portal.</summary>
    public static WebApplication MapCultureSwitch(this WebApplication app)
    {
        app.MapGet("/culture", (HttpContext context, string? lang, string? returnUrl) =>
        {
            var culture = lang == "en" ? "en-US" : "id-ID";
            context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            return Results.LocalRedirect(SafeReturnUrl(returnUrl));
        }).AllowAnonymous();
        return app;
    }

    /// <summary>A local path only: anything else (absolute, protocol-relative, backslashes) becomes "/".</summary>
    public static string SafeReturnUrl(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || returnUrl[0] != '/' || returnUrl.StartsWith("//", StringComparison.Ordinal)
            || returnUrl.StartsWith("/\\", StringComparison.Ordinal) || returnUrl.Any(char.IsControl))
        {
            return "/";
        }

        return returnUrl;
    }

    private sealed class DatabaseHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                await using var command = dataSource.CreateCommand("SELECT 1");
                await command.ExecuteScalarAsync(cancellationToken);
                return HealthCheckResult.Healthy();
            }
            catch (NpgsqlException ex)
            {
                return HealthCheckResult.Unhealthy("The database does not answer.", ex);
            }
        }
    }
}
