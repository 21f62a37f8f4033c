module nianbao

go 1.24.0
