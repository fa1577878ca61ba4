using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Quartz;

namespace Superapps.Adapters;

/// <summary>
/// What every adapter's options section has (e.g. <c>Superapps:Adapters:LegacyLetters</c>): whether it runs and when. Off by default:
/// an adapter runs only where it is configured. An adapter's own settings (a folder, a URL) go in a subclass.
/// </summary>
public abstract class AdapterOptions
{
    /// <summary>Runs on its schedule, and may be run by hand, only when set.</summary>
    public bool Enabled { get; set; }

    /// <summary>A Quartz cron expression in WIB, e.g. <c>0 0 1 * * ?</c> (01.00 every night) or <c>0 0/5 * * * ?</c> (every five minutes).</summary>
    [Required(AllowEmptyStrings = false)]
    public string Cron { get; set; } = "0 0 1 * * ?";
}

/// <summary>Checks the cron expression of an adapter's options, naming the setting at fault.</summary>
internal sealed class AdapterOptionsValidator<TOptions>(string section) : IValidateOptions<TOptions>
    where TOptions : AdapterOptions
{
    public ValidateOptionsResult Validate(string? name, TOptions options) =>
        CronExpression.TryParse(options.Cron, out _)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{section}:Cron '{options.Cron}' is not a valid Quartz cron expression (e.g. 0 0 1 * * ?).");
}
