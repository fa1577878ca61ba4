using Microsoft.Playwright;
using Npgsql;
using Superapps.LocalDev;
using Superapps.Testing;

namespace Superapps.BrowserTests;

/// <summary>
/// The whole system for browser journeys: a private PostgreSQL cluster, identity and portal as
/// processes on free loopback ports with the demo city seeded, and the machine's Chromium.
/// </summary>
public sealed class PortalFixture : IAsyncLifetime
{
    public const string Password = "Uji-Sungai-Batanghari-2026";

    private readonly PostgresServer _postgres = new();
    private DevStack? _stack;
    private IPlaywright? _playwright;
    private string _data = string.Empty;

    public DevStack Stack => _stack!;

    public IBrowser Browser { get; private set; } = null!;

    public string ConnectionString { get; private set; } = string.Empty;

    public static string ScreenshotDirectory { get; } = Path.Combine(DevStackOptions.FindRepositoryRoot(), "artifacts", "screenshots");

    /// <summary>What the identity server and the portal wrote (warnings and up), one file per test run.</summary>
    public static string ServerLog { get; } = Path.Combine(DevStackOptions.FindRepositoryRoot(), "artifacts", "browser-logs",
        $"servers-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}.log");

    private static readonly Lock LogLock = new();

    private static void WriteServerLog(string line)
    {
        lock (LogLock)
        {
            File.AppendAllText(ServerLog, $"{DateTime.UtcNow:HH:mm:ss.fff} {line}{Environment.NewLine}");
        }
    }

    public async ValueTask InitializeAsync()
    {
        await _postgres.InitializeAsync();
        ConnectionString = await _postgres.CreateDatabaseAsync("browser");
        _data = Path.Combine(Path.GetTempPath(), "superapps-browser", Guid.NewGuid().ToString("N")[..8]);
        // The servers' warnings and errors (a broken circuit, an unhandled exception) go to a log beside the screenshots.
        Directory.CreateDirectory(Path.GetDirectoryName(ServerLog)!);
        _stack = await DevStack.StartAsync(new DevStackOptions(DevStackOptions.FindRepositoryRoot(), ConnectionString, _data,
            LocalPostgresCluster.FreePort(), LocalPostgresCluster.FreePort(), Guid.NewGuid().ToString("N"), Password, Quiet: true)
        {
            // The demo app catalogue: the launcher's tiles, the portfolio, and SIMPEG Lama behind the proxy.
            PortalSettings = new Dictionary<string, string> { ["Superapps__AppCatalog__SeedDemoCatalogue"] = "true" },
        }, WriteServerLog);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            // A fake microphone that needs no prompt: the journeys record voice instructions.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream"],
        });
        Directory.CreateDirectory(ScreenshotDirectory);

        // CI machines are busy: expectations wait on their conditions for up to 15 s, never on fixed sleeps.
        Assertions.SetDefaultExpectTimeout(15_000);
    }

    /// <summary>The user name of the first account whose definitive position has this title.</summary>
    public async Task<(string UserName, string Name)> UserWithPositionAsync(string title)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT u.user_name, u.display_name FROM identity.users u
            JOIN organization.employees e ON e.id = u.employee_id
            JOIN organization.positions p ON p.id = e.position_id
            WHERE p.title = @title ORDER BY u.user_name LIMIT 1
            """, connection);
        command.Parameters.AddWithValue("title", title);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetString(0), reader.GetString(1)) : throw new InvalidOperationException($"No user holds {title}");
    }

    /// <summary>A demo account with a role: its user name, display name and OPD code.</summary>
    public async Task<(string UserName, string Name, string AgencyCode)> UserWithRoleAsync(string role)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT u.user_name, u.display_name, a.code FROM identity.users u
            JOIN identity.user_roles ur ON ur.user_id = u.id
            JOIN identity.roles r ON r.id = ur.role_id
            JOIN organization.employees e ON e.id = u.employee_id
            JOIN organization.agencies a ON a.id = e.agency_id
            WHERE r.name = @role ORDER BY u.user_name LIMIT 1
            """, connection);
        command.Parameters.AddWithValue("role", role);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetString(0), reader.GetString(1), reader.GetString(2)) : throw new InvalidOperationException($"No user has role {role}");
    }

    /// <summary>A demo account with a role in one OPD: its user name and display name.</summary>
    public async Task<(string UserName, string Name)> UserWithRoleInAsync(string role, string agencyCode)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT u.user_name, u.display_name FROM identity.users u
            JOIN identity.user_roles ur ON ur.user_id = u.id
            JOIN identity.roles r ON r.id = ur.role_id
            JOIN organization.employees e ON e.id = u.employee_id
            JOIN organization.agencies a ON a.id = e.agency_id
            WHERE r.name = @role AND a.code = @agency ORDER BY u.user_name LIMIT 1
            """, connection);
        command.Parameters.AddWithValue("role", role);
        command.Parameters.AddWithValue("agency", agencyCode);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetString(0), reader.GetString(1)) : throw new InvalidOperationException($"No {role} in {agencyCode}");
    }

    /// <summary>The user name of someone holding a position that reports to the given one.</summary>
    public async Task<(string UserName, string Name, string Title)> SubordinateOfAsync(string superiorTitle)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT u.user_name, u.display_name, p.title FROM identity.users u
            JOIN organization.employees e ON e.id = u.employee_id
            JOIN organization.positions p ON p.id = e.position_id
            JOIN organization.positions s ON s.id = p.reports_to_id
            WHERE s.title = @title ORDER BY p.level, u.user_name LIMIT 1
            """, connection);
        command.Parameters.AddWithValue("title", superiorTitle);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetString(0), reader.GetString(1), reader.GetString(2)) : throw new InvalidOperationException($"Nobody reports to {superiorTitle}");
    }

    /// <summary>A new browser page (own cookies) of the given size, in Indonesian.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "id-ID",
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        return page;
    }

    /// <summary>Signs in through the identity server and waits for the portal home.</summary>
    public async Task SignInAsync(IPage page, string login, string password = Password)
    {
        await page.GotoAsync(Stack.PortalUrl.ToString());
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
        await page.FillAsync("#login", login);
        await page.FillAsync("#password", password);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync(Stack.PortalUrl.ToString());
        await Assertions.Expect(page.GetByTestId("user-name")).ToBeVisibleAsync();
    }

    /// <summary>
    /// Signs in an account whose role requires MFA (the system administrator): the identity server asks it to enrol an
    /// authenticator first, and the test answers as an authenticator app would, from the shared key it shows.
    /// </summary>
    public async Task SignInEnrollingMfaAsync(IPage page, string login, string password = Password)
    {
        await page.GotoAsync(Stack.PortalUrl.ToString());
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
        await page.FillAsync("#login", login);
        await page.FillAsync("#password", password);
        await page.ClickAsync("[data-testid=login-submit]");
        var key = (await page.GetByTestId("shared-key").TextContentAsync())!.Trim();
        await page.FillAsync("#code", Totp.Code(key, DateTimeOffset.UtcNow));
        await page.Locator("form button[type=submit]").ClickAsync();
        // The recovery codes are shown once; "Lanjutkan" goes on to the portal.
        await Assertions.Expect(page.GetByTestId("recovery-codes")).ToBeVisibleAsync();
        await page.Locator("a.button").ClickAsync();
        await page.WaitForURLAsync(Stack.PortalUrl.ToString());
        await Assertions.Expect(page.GetByTestId("user-name")).ToBeVisibleAsync();
    }

    /// <summary>Waits until the page is interactive (the portal layout marks it once the circuit is connected).</summary>
    public static Task WaitInteractiveAsync(IPage page) =>
        page.Locator("#portal-ready[data-ready=true]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    /// <summary>
    /// Fills a text box of a dialog that has just opened, until the server has the text: <paramref name="wakes"/> (its send button)
    /// becomes enabled once it does. Under load, a fill made the instant the dialog opened has been seen not to reach the server
    /// (a person types later than that); the box is then cleared and filled again, at most three times.
    /// </summary>
    public static async Task FillUntilEnabledAsync(ILocator box, string text, ILocator wakes)
    {
        for (var attempt = 1; ; attempt++)
        {
            await box.FillAsync(text);
            try
            {
                await Assertions.Expect(wakes).ToBeEnabledAsync(new LocatorAssertionsToBeEnabledOptions { Timeout = 5_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
                await box.FillAsync(string.Empty);
            }
        }
    }

    /// <summary>
    /// Picks files in the last file input matching <paramref name="selector"/>, once the interactive page has taken it over. Blazor's
    /// file input sets <c>_blazorInputFileNextFileId</c> on the element when its script starts listening; files set earlier (on the
    /// prerendered input, or one about to be rendered again) never reach the server.
    /// </summary>
    public static async Task SetFilesWhenReadyAsync(IPage page, string selector, params FilePayload[] files)
    {
        await page.WaitForFunctionAsync(
            "selector => { const all = document.querySelectorAll(selector); const input = all[all.length - 1]; return !!input && input._blazorInputFileNextFileId !== undefined; }",
            selector);
        await page.Locator(selector).Last.SetInputFilesAsync(files);
    }

    public static string Screenshot(string name) => Path.Combine(ScreenshotDirectory, name);

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_stack is not null)
        {
            await _stack.DisposeAsync();
        }

        await _postgres.DisposeAsync();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
