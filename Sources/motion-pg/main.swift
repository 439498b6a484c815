// `motion` with the PostgreSQL store: `motion` hands a command to this program when its store
// is a PostgreSQL address, so that the plain command line never links a database client.
import MotionCLI
import MotionPostgres

PostgresStore.register()
MotionCommand.main()
