using Polku.Web.Setup;

var builder = WebApplication.CreateBuilder(args);
builder.AddPolku();

var app = builder.Build();
await app.PreparePolkuDatabaseAsync();
app.UsePolku();
await app.RunAsync();

/// <summary>Entry point; public so the test host can start the app.</summary>
public partial class Program;
