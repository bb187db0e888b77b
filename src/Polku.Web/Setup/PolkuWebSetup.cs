using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Polku.Core.Assistant;
using Polku.Core.Audit;
using Polku.Core.Catalogue;
using Polku.Core.Clients;
using Polku.Core.Data;
using Polku.Core.Demo;
using Polku.Core.Identity;
using Polku.Core.Insight;
using Polku.Core.Localisation;
using Polku.Core.Notifications;
using Polku.Core.Participation.Budgeting;
using Polku.Core.Participation.Experts;
using Polku.Core.Participation.Feedback;
using Polku.Core.Participation.Notes;
using Polku.Core.Participation.Panels;
using Polku.Core.Paths;
using Polku.Core.Segmentation;
using Polku.Web.Api;
using Polku.Web.Fhir;
using Polku.Web.Pages.Insight;

namespace Polku.Web.Setup;

/// <summary>Service registration and the request pipeline of the web app.</summary>
public static class PolkuWebSetup
{
    public static void AddPolku(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();

        services.AddSingleton(database);
        services.AddPolkuDb(database);
        services.AddDataProtection()
            .SetApplicationName("Polku")
            .PersistKeysToFileSystem(new DirectoryInfo(PrivateFiles.EnsureFolder(Path.Combine(PrivateFiles.EnsureFolder(database.DataDirectory), "keys"), tightenExisting: true)));
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentActor>();
        services.AddScoped<AuditLog>();
        services.AddScoped<ClientAccess>();
        services.AddScoped<OwnDataExport>();
        services.AddScoped<DemoCountySeeder>();
        services.AddScoped<Instruments>();
        services.AddScoped<Assessments>();
        services.AddScoped<ClientPaths>();
        services.AddScoped<ClientRecord>();
        services.AddScoped<PathAlerts>();
        services.AddOptions<SignInThrottleOptions>().Bind(configuration.GetSection(SignInThrottleOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SignInThrottle>();
        services.AddOptions<PathAlertOptions>().Bind(configuration.GetSection(PathAlertOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ServiceCandidates>();
        services.AddScoped<SegmentationStatistics>();
        services.AddSingleton<FhirCapabilities>();
        services.AddMemoryCache();
        services.AddSingleton<ExtractSessions>();
        services.AddScoped<IDashboardSection, CustomershipSection>();
        services.AddScoped<IDashboardSection, PathsSection>();
        services.AddScoped<IDashboardSection, FeedbackSection>();
        services.AddScoped<EffectivenessSection>();
        services.AddScoped<IDashboardSection>(sp => sp.GetRequiredService<EffectivenessSection>());
        services.AddScoped<OwnDataSections>();
        services.AddSingleton<CatalogueSearch>();
        services.AddSingleton<LifeSituationAdvice>();
        services.AddScoped<PtvImporter>();
        services.AddScoped<NotificationOutbox>();
        services.AddScoped<BudgetRounds>();
        services.AddScoped<NotificationDispatcher>();
        services.AddScoped<FeedbackLoop>();
        services.AddScoped<FeedbackFigures>();
        services.AddScoped<CoWrittenNotes>();
        services.AddScoped<Polku.Core.Plans.ClientPlans>();
        services.AddScoped<Polku.Core.Plans.GoalTemplateStore>();
        services.AddScoped<Polku.Core.Networks.ServiceNetworks>();
        services.AddOptions<Polku.Core.Networks.NetworkOptions>().Bind(configuration.GetSection(Polku.Core.Networks.NetworkOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<CustomerPanels>();
        services.AddScoped<ExpertBank>();
        services.AddSingleton<INotificationSender>(new FileNotificationSender(
            configuration["Notifications:Directory"] is { Length: > 0 } outbox ? outbox : Path.Combine(Path.GetFullPath(database.DataDirectory), "outbox")));
        services.AddHostedService<NotificationWorker>();
        services.AddScoped<Questions>();
        services.AddScoped<Handoffs>();
        services.AddOptions<HandoffOptions>().Bind(configuration.GetSection(HandoffOptions.Section));
        services.AddScoped<ProactiveRules>();
        services.AddHostedService<ProactiveWorker>();
        services.AddHostedService<NetworkCheckWorker>();
        services.AddOpenApi();

        services.AddIdentity<PolkuUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<PolkuDb>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<PolkuClaimsFactory>();
        services.AddOptions<SessionOptions>().Bind(configuration.GetSection(SessionOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddDistributedMemoryCache();
        services.AddSingleton<SessionTicketStore>();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<SessionTicketStore, IOptions<SessionOptions>>((o, store, sessions) =>
            {
                o.SessionStore = store;
                o.ExpireTimeSpan = TimeSpan.FromMinutes(sessions.Value.IdleMinutes);
                SessionTicketStore.AddAbsoluteLifetime(o.Events, TimeSpan.FromHours(sessions.Value.AbsoluteHours));
            });
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "polku.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = true;

            // An API answers 401/403 instead of redirecting to the sign-in page.
            o.Events.OnRedirectToLogin = context => ApiStatus(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => ApiStatus(context, StatusCodes.Status403Forbidden);
        });

        var proxy = configuration.GetSection(ProxyOptions.Section).Get<ProxyOptions>() ?? new ProxyOptions();
        var proxyErrors = proxy.Validate().ToList();
        if (proxyErrors.Count > 0)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, proxyErrors));
        }

        services.AddSingleton(proxy);
        services.Configure<ForwardedHeadersOptions>(proxy.Apply);
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.Configure<UploadLimits>(configuration.GetSection(UploadLimits.Section));

        var oidc = configuration.GetSection(OpenIdConnectSettings.Section).Get<OpenIdConnectSettings>() ?? new OpenIdConnectSettings();
        var oidcErrors = oidc.Validate().ToList();
        if (oidcErrors.Count > 0)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, oidcErrors));
        }

        services.AddSingleton(oidc);
        if (oidc.Enabled)
        {
            services.AddAuthentication().AddOpenIdConnect(OpenIdConnectSettings.Scheme, oidc.DisplayName, o =>
            {
                o.SignInScheme = IdentityConstants.ExternalScheme;
                o.Authority = oidc.Authority;
                o.ClientId = oidc.ClientId;
                o.ClientSecret = oidc.ClientSecret;
                o.ResponseType = "code";
                o.UsePkce = true;
                o.Scope.Clear();
                o.Scope.Add("openid");
                o.Scope.Add("profile");
                o.Scope.Add("email");
                o.CallbackPath = "/signin-oidc";
                o.SaveTokens = false;
                o.GetClaimsFromUserInfoEndpoint = true;

                // Linking by e-mail needs the provider's word that the address is verified (ExternalLoginModel).
                o.ClaimActions.MapUniqueJsonKey("email_verified", "email_verified");
            });
        }

        services.AddAuthorization(Policies.Add);

        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = PolkuCultures.All.Select(PolkuCultures.Get).ToList();
            o.DefaultRequestCulture = new RequestCulture(cultures[0], cultures[0]);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.FallBackToParentCultures = false;
            o.FallBackToParentUICultures = false;
            o.RequestCultureProviders = PolkuCultureProvider.All();
        });

        services.AddRazorPages(o =>
            {
                o.Conventions.AuthorizeFolder("/Clients", Policies.ClientWork);
                o.Conventions.AuthorizeFolder("/Paths", Policies.ClientWork);
                o.Conventions.AuthorizeFolder("/Me", Policies.Client);
                o.Conventions.AuthorizeFolder("/Admin", Policies.Administration);
                o.Conventions.AuthorizeFolder("/Insight", Policies.Management);
                o.Conventions.AuthorizeFolder("/ServiceNetworks", Policies.Staff);
                o.Conventions.AuthorizeFolder("/Feedback/Manage", Policies.Management);
            })
            .AddDataAnnotationsLocalization(o =>
                o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(Texts)))
            .AddMvcOptions(o => ModelBindingMessages.Localise(o.ModelBindingMessageProvider));
        // Finnish and Swedish letters are written as they are, not as character references.
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddProblemDetails();
    }

    private static Task ApiStatus(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }

    public static async Task PreparePolkuDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<DatabaseOptions>();
        var db = scope.ServiceProvider.GetRequiredService<PolkuDb>();
        await db.Database.MigrateAsync();
        await scope.ServiceProvider.GetRequiredService<Instruments>().EnsureExampleAsync();
        var seeder = scope.ServiceProvider.GetRequiredService<DemoCountySeeder>();
        if (options.SeedDemoData)
        {
            await seeder.SeedAsync();
        }
        else
        {
            await seeder.EnsureRolesAsync();
        }
    }

    public static void UsePolku(this WebApplication app)
    {
        var proxy = app.Services.GetRequiredService<ProxyOptions>();
        if (proxy.ForwardedHeaders)
        {
            app.UseForwardedHeaders();
        }

        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
            app.UseHsts();
        }

        if (proxy.RequireHttps)
        {
            app.UseHttpsRedirection();
        }

        app.UseStatusCodePagesWithReExecute("/Status/{0}");
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            headers.XFrameOptions = "DENY";
            headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'";
            await next();
        });
        app.UseRequestLocalization();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.Use(async (context, next) =>
        {
            // Nothing shown to a signed-in person, and nothing from FHIR or the insight API, is kept by a browser or a
            // proxy cache: those responses carry personal data (docs/security.md).
            if (context.User.Identity?.IsAuthenticated == true
                || context.Request.Path.StartsWithSegments("/fhir") || context.Request.Path.StartsWithSegments("/api/insight"))
            {
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers.CacheControl = "no-store";
                    context.Response.Headers.Pragma = "no-cache";
                    return Task.CompletedTask;
                });
            }

            await next();
        });
        app.UseAuthorization();

        app.MapHealthChecks("/health");
        var fhir = app.MapFhir();
        fhir.MapSegmentationFhir();
        fhir.MapPathsFhir();
        fhir.MapCatalogueFhir(app.Services.GetRequiredService<FhirCapabilities>());
        fhir.MapPractitionerFhir();
        fhir.MapConformanceFhir();
        app.MapOpenApi();
        app.MapCatalogueApi();
        app.MapInsightApi();
        app.MapRazorPages();
    }
}
