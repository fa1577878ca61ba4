using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Quartz;
using Superapps.Modularity;

namespace Superapps.Scheduling;

/// <summary>Registers scheduled work in a host, and lets modules declare their recurring jobs.</summary>
public static class SchedulingExtensions
{
    /// <summary>
    /// Quartz.NET with its persistent job store in PostgreSQL (tables <c>scheduler.qrtz_*</c>, reached through the host's
    /// <see cref="NpgsqlDataSource"/>), clustered so each firing runs on one instance, with System.Text.Json for stored data.
    /// The scheduler starts once the application has started, that is after the database was initialized, and runs the jobs
    /// modules declared with <see cref="AddRecurringJob{TJob}(IServiceCollection, string, TimeSpan)"/>.
    /// </summary>
    public static IServiceCollection AddScheduling(this IServiceCollection services)
    {
        services.AddOptions<SchedulingOptions>().BindConfiguration(SchedulingOptions.Section);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDatabaseInitializer, SchedulerSchemaInitializer>());
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler => scheduler.InstanceName = "superapps");
            // Two jobs at once at most: the work is database-bound and the servers are small.
            quartz.UseDefaultThreadPool(2);
            quartz.UsePersistentStore(store =>
            {
                store.UsePostgres(source => source.DataSourceFactory = sp => sp.GetRequiredService<NpgsqlDataSource>());
                store.UseClustering();
                store.UseSerializer<Quartz.Impl.SystemTextJsonObjectSerializer>();
                store.ConfigureStore(options =>
                {
                    options.TablePrefix = SchedulerSchemaInitializer.TablePrefix;
                    options.SchemaProvisioning = SchemaProvisioning.Validate;
                });
            });
        });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, SchedulerHost>());
        return services;
    }

    /// <summary>Declares a job that runs every <paramref name="interval"/>, on one instance at a time.</summary>
    /// <param name="name">Unique among all jobs, e.g. <c>letters.disposition-deadlines</c>.</param>
    public static IServiceCollection AddRecurringJob<TJob>(this IServiceCollection services, string name, TimeSpan interval)
        where TJob : class, IJob
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(interval, TimeSpan.FromSeconds(1));
        return services.AddRecurringJob(new RecurringJob(name, typeof(TJob), interval, null), typeof(TJob));
    }

    /// <summary>Declares a job that runs on a Quartz cron schedule in WIB, e.g. <c>0 0 7 ? * MON-FRI</c> (07.00 WIB on working days).</summary>
    public static IServiceCollection AddRecurringJob<TJob>(this IServiceCollection services, string name, string cron)
        where TJob : class, IJob
    {
        if (!CronExpression.TryParse(cron, out _))
        {
            throw new ArgumentException($"'{cron}' is not a valid Quartz cron expression.", nameof(cron));
        }

        return services.AddRecurringJob(new RecurringJob(name, typeof(TJob), null, cron), typeof(TJob));
    }

    private static IServiceCollection AddRecurringJob(this IServiceCollection services, RecurringJob job, Type jobType)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(job.Name);
        services.TryAdd(ServiceDescriptor.Scoped(jobType, jobType));
        services.AddSingleton(job);
        return services;
    }
}
